namespace Kakao.Verification;

/// <summary>The code (or <c>id=code</c> pairs) in an environment variable, e.g. mapped from a secret store.</summary>
internal sealed class EnvOtpSource(string variable, Func<string, string?> env) : IOtpSource
{
    public string Description => $"environment variable {variable}";

    public bool CanRetry => false;

    public bool CanSupplyCodes => true;

    public bool FixedBeforeRun => true;

    public Task<OtpRead> ReadAsync(OtpRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(env(variable) is { } value ? OtpValues.Pick(value, request.PlusFriendId, Description) : OtpRead.Missing($"{Description} is not set"));
}
