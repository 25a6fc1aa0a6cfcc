using Google.Protobuf;
using Google.Rpc;
using Grpc.Core;
using Kakao.EngineHarness.Results;
using Kakao.EngineHarness.Values;

namespace Kakao.EngineHarness.Wire;

/// <summary>Turns a gRPC error into a <see cref="ProviderRpcException"/>, decoding the rich status details.</summary>
internal static class RpcErrorDecoder
{
    private const string TypeUrlPrefix = "type.googleapis.com/";
    private const string InitFailedType = TypeUrlPrefix + "pulumirpc.ErrorResourceInitFailed";
    private const string MissingKeysType = TypeUrlPrefix + "pulumirpc.ConfigureErrorMissingKeys";

    public static ProviderRpcException Decode(string method, RpcException error)
    {
        var typeUrls = new List<string>();
        ResourceInitFailure? initFailure = null;
        var missingKeys = new List<MissingConfigKey>();

        // GetRpcStatus parses the trailer as google.rpc.Status; a malformed trailer is reported, not thrown.
        Google.Rpc.Status? status;
        try
        {
            status = error.GetRpcStatus();
        }
        catch (InvalidProtocolBufferException)
        {
            status = null;
            typeUrls.Add("(malformed grpc-status-details-bin)");
        }

        foreach (var detail in status?.Details ?? Enumerable.Empty<Google.Protobuf.WellKnownTypes.Any>())
        {
            typeUrls.Add(detail.TypeUrl);
            switch (detail.TypeUrl)
            {
                case InitFailedType:
                    var failed = ErrorResourceInitFailed.Parser.ParseFrom(detail.Value);
                    initFailure = new ResourceInitFailure(
                        failed.Id,
                        StructEncoding.FromStruct(failed.Properties),
                        StructEncoding.FromStruct(failed.Inputs),
                        failed.Reasons.ToArray());
                    break;
                case MissingKeysType:
                    var missing = ConfigureErrorMissingKeys.Parser.ParseFrom(detail.Value);
                    missingKeys.AddRange(missing.MissingKeys.Select(key => new MissingConfigKey(key.Name, key.Description)));
                    break;
            }
        }

        return new ProviderRpcException(
            method, error.StatusCode, error.Status.Detail, typeUrls, initFailure, missingKeys, error);
    }
}
