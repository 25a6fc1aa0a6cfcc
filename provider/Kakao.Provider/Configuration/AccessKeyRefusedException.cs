using Kakao.Provisioning;

namespace Kakao.Provider.Configuration;

/// <summary>
/// A 401 from Sinch, told as what it is: the configured access key was refused. Sinch's own answer says
/// "Verify that projectId is correct.", which sends users the wrong way; this names the key id / secret
/// settings (configuration key or environment variable) they came from, then quotes Sinch. It stays a
/// <see cref="ProvisioningApiException"/> with the same status, so it maps to the same gRPC code.
/// </summary>
internal sealed class AccessKeyRefusedException : ProvisioningApiException
{
    private readonly string _message;

    private AccessKeyRefusedException(ProvisioningApiException refused, ProviderConfiguration configuration)
        : base(refused.Status, refused.ErrorCode, refused.ApiMessage, refused.Resolution, refused.AdditionalInformation, refused)
    {
        var origin = $"the key id (from {configuration.KeyIdOrigin}) and the key secret (from {configuration.KeySecretOrigin})";
        _message = $"Sinch refused the access key (HTTP 401): {origin} were not accepted for project {configuration.ProjectId}. "
            + "Check both values and that the access key belongs to this project; retrying will not help. "
            + $"Sinch said: {refused.Message}";
    }

    /// <inheritdoc />
    public override string Message => _message;

    /// <summary>
    /// The exception to report for <paramref name="exception"/>: a 401 (also inside a failed create) becomes
    /// an <see cref="AccessKeyRefusedException"/> when the configuration is known; anything else is returned as is.
    /// </summary>
    public static Exception Explain(Exception exception, ProviderConfiguration? configuration) =>
        exception is ProvisioningApiException { Status: 401 } refused and not AccessKeyRefusedException && configuration is not null
            ? new AccessKeyRefusedException(refused, configuration)
            : exception;
}
