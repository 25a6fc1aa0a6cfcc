namespace Kakao.Provisioning.Internal;

/// <summary>
/// A write that failed transiently and is confirmed not applied, so it may be sent again: the signal the
/// transport's resend pipeline retries on. Never leaves the client (the last one is unwrapped to its failure).
/// </summary>
internal sealed class ResendableWrite(string operation, string target, ProvisioningApiException failure)
    : Exception(failure.Message, failure)
{
    public string Operation { get; } = operation;

    public string Target { get; } = target;

    public ProvisioningApiException Failure { get; } = failure;
}
