namespace Kakao.Verification;

/// <summary>CI without <c>--otp-from</c>: there is nobody to ask.</summary>
internal sealed class NoOtpSource : IOtpSource
{
    public string Description => "no code source";

    public bool CanRetry => false;

    public bool CanSupplyCodes => false;

    public bool FixedBeforeRun => true;

    public Task<OtpRead> ReadAsync(OtpRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(OtpRead.Missing("no code source: not a terminal, so pass --otp-from env:VAR, file:PATH or stdin"));
}
