using Kakao.Cli.Verification;

namespace Kakao.Cli.Quickstart;

/// <summary>
/// The driver's code source (the emulator's phone) with one addition for the journey: before each code is read
/// — just after the driver registered the sender — the sender's state is observed, so the journey shows
/// VERIFYING as it really was. The code itself passes through untouched and is never printed.
/// </summary>
internal sealed class ObservedOtpSource(IOtpSource inner, Func<OtpRequest, CancellationToken, Task> onCodeRequested) : IOtpSource
{
    public string Description => inner.Description;

    public bool CanRetry => inner.CanRetry;

    public bool CanSupplyCodes => inner.CanSupplyCodes;

    public bool FixedBeforeRun => inner.FixedBeforeRun;

    public async Task<OtpRead> ReadAsync(OtpRequest request, CancellationToken cancellationToken)
    {
        await onCodeRequested(request, cancellationToken).ConfigureAwait(false);
        return await inner.ReadAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
