namespace Kakao.Verification;

/// <summary>One line per code on standard input (a plain code or <c>id=code</c>), e.g. piped from a tool.</summary>
internal sealed class StdinOtpSource(TextReader stdin) : IOtpSource
{
    public string Description => "standard input";

    public bool CanRetry => false;

    public bool CanSupplyCodes => true;

    public bool FixedBeforeRun => false;

    public async Task<OtpRead> ReadAsync(OtpRequest request, CancellationToken cancellationToken)
    {
        var line = await stdin.ReadLineAsync(cancellationToken).ConfigureAwait(false);
        return line is null ? OtpRead.Missing("standard input ended before a code was read") : OtpValues.Pick(line, request.PlusFriendId, Description);
    }
}
