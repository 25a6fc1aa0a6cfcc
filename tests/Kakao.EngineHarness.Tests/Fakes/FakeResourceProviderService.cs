using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Kakao.EngineHarness.Wire;

namespace Kakao.EngineHarness.Tests.Fakes;

/// <summary>A hand-bound pulumirpc.ResourceProvider that forwards every call to a <see cref="FakeResourceProvider"/>.</summary>
[BindServiceMethod(typeof(FakeResourceProviderService), nameof(BindService))]
internal class FakeResourceProviderService(FakeResourceProvider provider)
{
    public static void BindService(ServiceBinderBase binder, FakeResourceProviderService? service)
    {
        binder.AddMethod(ProviderMethods.Handshake, service is null ? null : service.Handshake);
        binder.AddMethod(ProviderMethods.GetPluginInfo, service is null ? null : service.GetPluginInfo);
        binder.AddMethod(ProviderMethods.GetSchema, service is null ? null : service.GetSchema);
        binder.AddMethod(ProviderMethods.CheckConfig, service is null ? null : service.CheckConfig);
        binder.AddMethod(ProviderMethods.DiffConfig, service is null ? null : service.DiffConfig);
        binder.AddMethod(ProviderMethods.Configure, service is null ? null : service.Configure);
        binder.AddMethod(ProviderMethods.Check, service is null ? null : service.Check);
        binder.AddMethod(ProviderMethods.Diff, service is null ? null : service.Diff);
        binder.AddMethod(ProviderMethods.Create, service is null ? null : service.Create);
        binder.AddMethod(ProviderMethods.Read, service is null ? null : service.Read);
        binder.AddMethod(ProviderMethods.Update, service is null ? null : service.Update);
        binder.AddMethod(ProviderMethods.Delete, service is null ? null : service.Delete);
        binder.AddMethod(ProviderMethods.Invoke, service is null ? null : service.Invoke);
        binder.AddMethod(ProviderMethods.Cancel, service is null ? null : service.Cancel);
    }

    public virtual Task<ProviderHandshakeResponse> Handshake(ProviderHandshakeRequest request, ServerCallContext context) =>
        provider.HandleAsync(nameof(Handshake), request, provider.OnHandshake);

    public virtual Task<PluginInfo> GetPluginInfo(Empty request, ServerCallContext context) =>
        provider.HandleAsync(nameof(GetPluginInfo), request, _ => Task.FromResult(new PluginInfo { Version = "1.2.3" }));

    public virtual Task<GetSchemaResponse> GetSchema(GetSchemaRequest request, ServerCallContext context) =>
        provider.HandleAsync(nameof(GetSchema), request, _ => Task.FromResult(new GetSchemaResponse { Schema = "{\"name\":\"fake\"}" }));

    public virtual Task<CheckResponse> CheckConfig(CheckRequest request, ServerCallContext context) =>
        provider.HandleAsync(nameof(CheckConfig), request, provider.OnCheckConfig);

    public virtual Task<DiffResponse> DiffConfig(DiffRequest request, ServerCallContext context) =>
        provider.HandleAsync(nameof(DiffConfig), request, provider.OnDiffConfig);

    public virtual Task<ConfigureResponse> Configure(ConfigureRequest request, ServerCallContext context) =>
        provider.HandleAsync(nameof(Configure), request, provider.OnConfigure);

    public virtual Task<CheckResponse> Check(CheckRequest request, ServerCallContext context) =>
        provider.HandleAsync(nameof(Check), request, provider.OnCheck);

    public virtual Task<DiffResponse> Diff(DiffRequest request, ServerCallContext context) =>
        provider.HandleAsync(nameof(Diff), request, provider.OnDiff);

    public virtual Task<CreateResponse> Create(CreateRequest request, ServerCallContext context) =>
        provider.HandleAsync(nameof(Create), request, provider.OnCreate);

    public virtual Task<ReadResponse> Read(ReadRequest request, ServerCallContext context) =>
        provider.HandleAsync(nameof(Read), request, provider.OnRead);

    public virtual Task<UpdateResponse> Update(UpdateRequest request, ServerCallContext context) =>
        provider.HandleAsync(nameof(Update), request, provider.OnUpdate);

    public virtual Task<Empty> Delete(DeleteRequest request, ServerCallContext context) =>
        provider.HandleAsync(nameof(Delete), request, provider.OnDelete);

    public virtual Task<InvokeResponse> Invoke(InvokeRequest request, ServerCallContext context) =>
        provider.HandleAsync(nameof(Invoke), request, provider.OnInvoke);

    public virtual Task<Empty> Cancel(Empty request, ServerCallContext context) =>
        provider.HandleAsync(nameof(Cancel), request, _ => Task.FromResult(new Empty()));
}
