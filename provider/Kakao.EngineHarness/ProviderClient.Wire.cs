using System.Globalization;
using System.Text.Json;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Kakao.EngineHarness.Results;
using Kakao.EngineHarness.Values;
using Kakao.EngineHarness.Wire;
using CheckFailure = Kakao.EngineHarness.Results.CheckFailure;
using CheckResult = Kakao.EngineHarness.Results.CheckResult;
using DiffResult = Kakao.EngineHarness.Results.DiffResult;

namespace Kakao.EngineHarness;

public partial class ProviderClient
{
    private async Task<TResponse> CallAsync<TRequest, TResponse>(
        Method<TRequest, TResponse> method, TRequest request, CancellationToken cancellationToken)
        where TRequest : class
        where TResponse : class
    {
        DateTime? deadline = CallTimeout is { } timeout ? DateTime.UtcNow + timeout : null;
        try
        {
            using var call = _invoker.AsyncUnaryCall(method, null, new CallOptions(deadline: deadline, cancellationToken: cancellationToken), request);
            return await call.ResponseAsync.ConfigureAwait(false);
        }
        catch (RpcException error) when (error.StatusCode == StatusCode.Cancelled && cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException($"{method.Name} was cancelled by the caller.", error, cancellationToken);
        }
        catch (RpcException error)
        {
            throw RpcErrorDecoder.Decode(method.Name, error);
        }
    }

    // The engine's RejectUnknowns: outputs it would store (or hand to a program) may not be "unknown".
    private static void RejectUnknowns(string method, PropertyMap properties)
    {
        if (EngineValueRules.FirstUnknown(properties) is { } key)
        {
            throw new EngineRejectionException(method, $"unexpected unknown property value for \"{key}\"");
        }
    }

    // pp.go Check/Create/Read/Update: a plugin that did not accept secrets saw them plain, so the engine marks a
    // property secret again where the values it sent under that name held a secret (annotateSecrets).
    private PropertyMap PutBackSecrets(PropertyMap answer, PropertyMap sent) =>
        SendSecrets ? answer : EngineValueRules.AnnotateSecrets(answer, sent);

    private CheckRequest CheckRequestFor(ResourceUrn urn, PropertyMap olds, PropertyMap news, bool? keepSecrets = null) => new()
    {
        Urn = urn.ToString(),
        Name = urn.Name,
        Type = urn.Type,
        Olds = StructEncoding.ToStruct(olds ?? PropertyMap.Empty, keepSecrets ?? SendSecrets),
        News = StructEncoding.ToStruct(news ?? PropertyMap.Empty, keepSecrets ?? SendSecrets),
        RandomSeed = ByteString.CopyFrom(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
    };

    private DiffRequest DiffRequestFor(
        string id, ResourceUrn urn, PropertyMap olds, PropertyMap oldInputs, PropertyMap news, IEnumerable<string> ignoreChanges,
        bool? keepSecrets = null)
    {
        var secrets = keepSecrets ?? SendSecrets;
        var request = new DiffRequest
        {
            Id = id ?? string.Empty,
            Urn = urn.ToString(),
            Name = urn.Name,
            Type = urn.Type,
            Olds = StructEncoding.ToStruct(olds ?? PropertyMap.Empty, secrets),
            OldInputs = StructEncoding.ToStruct(oldInputs ?? PropertyMap.Empty, secrets),
            News = StructEncoding.ToStruct(news ?? PropertyMap.Empty, secrets),
        };
        request.IgnoreChanges.AddRange(ignoreChanges);
        return request;
    }

    private static CheckResult ToResult(CheckResponse response) =>
        new(StructEncoding.FromStruct(response.Inputs), ToFailures(response.Failures));

    private static CheckFailure[] ToFailures(IEnumerable<Wire.CheckFailure> failures) =>
        failures.Select(failure => new CheckFailure(failure.Property, failure.Reason)).ToArray();

    private static DiffResult ToResult(DiffResponse response) => new(
        (DiffChanges)(int)response.Changes,
        response.Replaces.ToArray(),
        response.Stables.ToArray(),
        response.DeleteBeforeReplace,
        response.Diffs.ToArray(),
        response.DetailedDiff.ToDictionary(
            pair => pair.Key, pair => new Results.PropertyDiff((PropertyDiffKind)(int)pair.Value.Kind, pair.Value.InputDiff)),
        response.HasDetailedDiff);

    // The legacy variables map carries strings as-is and everything else as JSON text.
    private static string VariableText(PropertyValue value)
    {
        var plain = value.Unsecret();
        return plain.Kind switch
        {
            PropertyValueKind.String => plain.StringValue,
            PropertyValueKind.Unknown => WireSentinels.ForUnknown(plain.UnknownKind),
            PropertyValueKind.Bool => plain.BoolValue ? "true" : "false",
            PropertyValueKind.Number => plain.NumberValue.ToString("R", CultureInfo.InvariantCulture),
            _ => JsonFormatter.Default.Format(StructEncoding.ToValue(plain, keepSecrets: false)),
        };
    }
}
