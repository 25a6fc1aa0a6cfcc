using Kakao.Provisioning;
using Kakao.Provisioning.Models;

namespace Kakao.Quickstart;

/// <summary>
/// The driver's code source (the emulator's phone) with one addition for the journey: before each code is read
/// — just after the driver registered the sender — the sender's state is observed, so the journey shows
/// VERIFYING as it really was. The code itself passes through untouched and is never printed.
/// </summary>
internal sealed class ObservedOtpSource(IOtpSource inner, Func<OtpRequest, CancellationToken, Task> onCodeRequested) : IOtpSource
{
    /// <summary>The emulator's phone, recording the sender's status as the journey step <paramref name="step"/>.</summary>
    public static ObservedOtpSource ForJourney(ProvisioningClient observer, Journey journey, string step) =>
        new(new EmulatorOtpSource(), async (request, ct) =>
        {
            var status = SenderLifecycle.DeriveStatus(await observer.GetSenderAsync(request.PlusFriendId, ct).ConfigureAwait(false)).Value;
            journey.Record(step, status, Journey.Meaning(status));
        });

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
