using Grpc.Core;

namespace Kakao.EngineHarness.Results;

/// <summary>
/// A provider RPC that ended with a gRPC error, with its rich details decoded from
/// <c>grpc-status-details-bin</c> the way the engine reads them.
/// </summary>
public sealed class ProviderRpcException : EngineHarnessException
{
    /// <summary>Creates the exception.</summary>
    public ProviderRpcException(
        string method,
        StatusCode statusCode,
        string detail,
        IReadOnlyList<string> detailTypeUrls,
        ResourceInitFailure? initFailure,
        IReadOnlyList<MissingConfigKey> missingKeys,
        Exception? innerException = null)
        : base($"{method} failed with {statusCode}: {detail}", innerException ?? new InvalidOperationException(detail))
    {
        Method = method;
        StatusCode = statusCode;
        Detail = detail;
        DetailTypeUrls = detailTypeUrls;
        InitFailure = initFailure;
        MissingKeys = missingKeys;
    }

    /// <summary>The RPC, e.g. <c>Create</c>.</summary>
    public string Method { get; }

    /// <summary>The gRPC status code.</summary>
    public StatusCode StatusCode { get; }

    /// <summary>The status message.</summary>
    public string Detail { get; }

    /// <summary>Type URLs of every Any in the rich status details (recognised or not).</summary>
    public IReadOnlyList<string> DetailTypeUrls { get; }

    /// <summary>The decoded <c>pulumirpc.ErrorResourceInitFailed</c> detail, when present.</summary>
    public ResourceInitFailure? InitFailure { get; }

    /// <summary>The decoded <c>pulumirpc.ConfigureErrorMissingKeys</c> keys; empty when absent.</summary>
    public IReadOnlyList<MissingConfigKey> MissingKeys { get; }
}
