using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Kakao.Provider.Configuration;
using Kakao.Provider.Dispatch;
using Kakao.Provider.Models;
using Kakao.Provider.Protocol;
using Kakao.Provider.Typed;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using CheckFailure = Kakao.Provider.Models.CheckFailure;
using DiffResult = Kakao.Provider.Models.DiffResult;
using ProtoCheckFailure = Kakao.Provider.Protocol.CheckFailure;
using ProtoPropertyDiff = Kakao.Provider.Protocol.PropertyDiff;

namespace Kakao.Provider.Grpc;

/// <summary>
/// The single adapter between the engine protocol and the domain: translates protobuf requests into property
/// maps, calls <see cref="KakaoProvider"/> under the plugin-wide cancellation, and maps results and errors
/// back. RPCs not declared here answer Unimplemented.
/// </summary>
internal sealed partial class ResourceProviderService(
    KakaoProvider provider,
    OperationCancellation cancellation,
    EngineLogSink engine,
    IHostApplicationLifetime lifetime,
    ILogger<ResourceProviderService> logger) : ResourceProvider.ResourceProviderBase
{
    private const string ProviderType = "pulumi:providers:kakao";

    public override Task<ProviderHandshakeResponse> Handshake(ProviderHandshakeRequest request, ServerCallContext context)
    {
        engine.SetAddress(request.EngineAddress);
        return Task.FromResult(new ProviderHandshakeResponse { AcceptSecrets = true, AcceptResources = true, AcceptOutputs = true });
    }

    public override Task<PluginInfo> GetPluginInfo(Empty request, ServerCallContext context) =>
        Task.FromResult(new PluginInfo { Version = KakaoProvider.Version });

    public override Task<GetSchemaResponse> GetSchema(GetSchemaRequest request, ServerCallContext context)
    {
        if (!string.IsNullOrEmpty(request.SubpackageName))
        {
            throw ErrorMapping.ToRpcException(new InvalidInputException($"The kakao provider has no subpackage {request.SubpackageName}."));
        }

        return Task.FromResult(new GetSchemaResponse { Schema = KakaoProvider.GetSchema() });
    }

    public override Task<Empty> Attach(PluginAttach request, ServerCallContext context)
    {
        engine.SetAddress(request.Address);
        return Task.FromResult(new Empty());
    }

    public override Task<Empty> Cancel(Empty request, ServerCallContext context)
    {
        LogCancelling(logger);
        cancellation.Cancel();
        // Graceful: Kestrel lets in-flight calls (this one included) finish with their errors first.
        lifetime.StopApplication();
        return Task.FromResult(new Empty());
    }

    public override Task<CheckResponse> CheckConfig(CheckRequest request, ServerCallContext context) =>
        Run(nameof(CheckConfig), ProviderType, context, 0, _ =>
            Task.FromResult(ToResponse(provider.CheckConfig(PropertyValueConverter.ToPropertyMap(request.News)))));

    public override Task<DiffResponse> DiffConfig(DiffRequest request, ServerCallContext context) =>
        Run(nameof(DiffConfig), ProviderType, context, 0, _ => Task.FromResult(ToResponse(KakaoProvider.DiffConfig(
            PropertyValueConverter.ToPropertyMap(request.Olds),
            PropertyValueConverter.ToPropertyMap(request.News),
            request.OldInputs is null ? null : PropertyValueConverter.ToPropertyMap(request.OldInputs)))));

    public override Task<ConfigureResponse> Configure(ConfigureRequest request, ServerCallContext context) =>
        Run(nameof(Configure), ProviderType, context, 0, _ =>
        {
            var args = request.Args is { Fields.Count: > 0 } || request.Variables.Count == 0
                ? PropertyValueConverter.ToPropertyMap(request.Args)
                : ConfigurationParser.FromVariables(request.Variables);
            provider.Configure(args);
            return Task.FromResult(new ConfigureResponse { AcceptSecrets = true, SupportsPreview = true, AcceptResources = true, AcceptOutputs = true });
        });

    public override Task<CheckResponse> Check(CheckRequest request, ServerCallContext context)
    {
        var type = ResourceTypes.Resolve(request.Type, request.Urn);
        return Run(nameof(Check), type, context, 0, _ =>
            Task.FromResult(ToResponse(provider.Check(type, PropertyValueConverter.ToPropertyMap(request.News)))));
    }

    public override Task<DiffResponse> Diff(DiffRequest request, ServerCallContext context)
    {
        var type = ResourceTypes.Resolve(request.Type, request.Urn);
        return Run(nameof(Diff), type, context, 0, _ => Task.FromResult(ToResponse(provider.Diff(
            type,
            new DiffCall(
                request.Id,
                PropertyValueConverter.ToPropertyMap(request.Olds),
                PropertyValueConverter.ToPropertyMap(request.News),
                request.OldInputs is null ? null : PropertyValueConverter.ToPropertyMap(request.OldInputs),
                request.IgnoreChanges)))));
    }

    public override Task<CreateResponse> Create(CreateRequest request, ServerCallContext context)
    {
        var type = ResourceTypes.Resolve(request.Type, request.Urn);
        return Run(nameof(Create), type, context, request.Timeout, async token =>
        {
            var (id, outputs) = await provider.CreateAsync(type, new CreateCall(PropertyValueConverter.ToPropertyMap(request.Properties), request.Preview, request.Urn), token);
            return new CreateResponse { Id = id, Properties = PropertyValueConverter.ToStruct(outputs) };
        });
    }

    public override Task<ReadResponse> Read(ReadRequest request, ServerCallContext context)
    {
        var type = ResourceTypes.Resolve(request.Type, request.Urn);
        return Run(nameof(Read), type, context, request.Timeout, async token =>
        {
            var result = await provider.ReadAsync(
                type,
                new ReadCall(request.Id, PropertyValueConverter.ToPropertyMap(request.Properties), PropertyValueConverter.ToPropertyMap(request.Inputs), request.Urn),
                token);
            return result is not { } found
                ? new ReadResponse { Id = "" }
                : new ReadResponse
                {
                    Id = request.Id.Trim(),
                    Properties = PropertyValueConverter.ToStruct(found.Outputs),
                    Inputs = PropertyValueConverter.ToStruct(found.Inputs),
                };
        });
    }

    public override Task<UpdateResponse> Update(UpdateRequest request, ServerCallContext context)
    {
        var type = ResourceTypes.Resolve(request.Type, request.Urn);
        return Run(nameof(Update), type, context, request.Timeout, async token =>
        {
            var outputs = await provider.UpdateAsync(
                type,
                new UpdateCall(request.Id, PropertyValueConverter.ToPropertyMap(request.Olds), PropertyValueConverter.ToPropertyMap(request.News), request.Preview, request.Urn),
                token);
            return new UpdateResponse { Properties = PropertyValueConverter.ToStruct(outputs) };
        });
    }

    public override Task<Empty> Delete(DeleteRequest request, ServerCallContext context)
    {
        var type = ResourceTypes.Resolve(request.Type, request.Urn);
        return Run(nameof(Delete), type, context, request.Timeout, async token =>
        {
            await provider.DeleteAsync(
                type,
                new DeleteCall(request.Id, PropertyValueConverter.ToPropertyMap(request.Properties), PropertyValueConverter.ToPropertyMap(request.OldInputs)),
                token);
            return new Empty();
        });
    }

    public override Task<InvokeResponse> Invoke(InvokeRequest request, ServerCallContext context) =>
        Run(nameof(Invoke), request.Tok, context, 0, async token =>
        {
            var (result, failures) = await provider.InvokeAsync(request.Tok, PropertyValueConverter.ToPropertyMap(request.Args), request.Preview, token);
            var response = new InvokeResponse();
            if (result is not null)
            {
                response.Return = PropertyValueConverter.ToStruct(result);
            }

            response.Failures.AddRange(failures.Select(ToProto));
            return response;
        });

    private async Task<T> Run<T>(string operation, string type, ServerCallContext context, double timeoutSeconds, Func<CancellationToken, Task<T>> body)
    {
        using var linked = cancellation.Link(context.CancellationToken, timeoutSeconds);
        try
        {
            return await body(linked.Token);
        }
        catch (OperationCanceledException) when (linked.IsCancellationRequested && !cancellation.IsCancellationRequested && !context.CancellationToken.IsCancellationRequested)
        {
            LogFailed(logger, operation, type, "DeadlineExceeded");
            throw ErrorMapping.ToRpcException(new TimeoutException($"{operation} of {type} did not finish within its custom timeout of {timeoutSeconds} s."));
        }
        catch (Exception ex) when (ex is not RpcException)
        {
            var error = ErrorMapping.ToRpcException(AccessKeyRefusedException.Explain(ex, provider.Configuration));
            if (error.StatusCode is StatusCode.Internal or StatusCode.Unknown)
            {
                LogBug(logger, ex, operation, type);
            }
            else
            {
                LogFailed(logger, operation, type, error.StatusCode.ToString());
            }

            throw error;
        }
    }

    private static CheckResponse ToResponse(CheckResult result)
    {
        var response = new CheckResponse { Inputs = PropertyValueConverter.ToStruct(result.Inputs) };
        response.Failures.AddRange(result.Failures.Select(ToProto));
        return response;
    }

    private static ProtoCheckFailure ToProto(CheckFailure failure) => new() { Property = failure.Property, Reason = failure.Reason };

    private static DiffResponse ToResponse(DiffResult result)
    {
        var response = new DiffResponse
        {
            Changes = result.Changes switch
            {
                DiffChanges.None => DiffResponse.Types.DiffChanges.DiffNone,
                DiffChanges.Some => DiffResponse.Types.DiffChanges.DiffSome,
                _ => DiffResponse.Types.DiffChanges.DiffUnknown,
            },
            DeleteBeforeReplace = result.DeleteBeforeReplace,
            HasDetailedDiff = true,
        };
        response.Replaces.AddRange(result.Replaces);
        response.Diffs.AddRange(result.ChangedKeys);
        foreach (var (path, diff) in result.DetailedDiff)
        {
            response.DetailedDiff[path] = new ProtoPropertyDiff { Kind = (ProtoPropertyDiff.Types.Kind)(int)diff.Kind, InputDiff = diff.InputDiff };
        }

        return response;
    }

    [LoggerMessage(EventId = 10, Level = LogLevel.Information, Message = "Cancel requested: cancelling in-flight operations and shutting down.")]
    private static partial void LogCancelling(ILogger logger);

    [LoggerMessage(EventId = 11, Level = LogLevel.Information, Message = "{Operation} of {Type} failed with {Code}.")]
    private static partial void LogFailed(ILogger logger, string operation, string type, string code);

    [LoggerMessage(EventId = 12, Level = LogLevel.Error, Message = "{Operation} of {Type} failed unexpectedly.")]
    private static partial void LogBug(ILogger logger, Exception exception, string operation, string type);
}
