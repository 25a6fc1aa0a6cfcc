using System.Globalization;
using System.Net;
using System.Text.Json;
using Kakao.Cli.Verification;

namespace Kakao.Cli.Quickstart;

/// <summary>
/// The admin phone of the quick start: the emulator's <c>GET /_emulator/projects/{p}/kakaotalk/senders/{id}/otp</c>,
/// read at the moment the driver asks for the code (just after it registered the sender). Each read is announced
/// first, so the journey can record the sender's VERIFYING state. The code itself is never printed.
/// </summary>
internal sealed class EmulatorPhone(HttpClient http, Uri emulator, string projectId, Func<string, CancellationToken, Task>? onCodeRequested = null) : IOtpSource
{
    public string Description => "the emulator's OTP endpoint";

    public bool CanRetry => false;

    public bool CanSupplyCodes => true;

    public bool FixedBeforeRun => false;

    public async Task<OtpRead> ReadAsync(string plusFriendId, CancellationToken cancellationToken)
    {
        if (onCodeRequested is not null)
        {
            await onCodeRequested(plusFriendId, cancellationToken).ConfigureAwait(false);
        }

        var uri = new Uri(emulator, $"/_emulator/projects/{Uri.EscapeDataString(projectId)}/kakaotalk/senders/{Uri.EscapeDataString(plusFriendId)}/otp");
        using var response = await http.GetAsync(uri, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return OtpRead.Missing($"the emulator holds no code for {plusFriendId}");
        }

        if (!response.IsSuccessStatusCode)
        {
            return OtpRead.Missing($"the emulator's OTP endpoint answered {(int)response.StatusCode}");
        }

        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        using var json = await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken).ConfigureAwait(false);
        return json.RootElement.TryGetProperty("code", out var code) && code.TryGetInt32(out var value)
            && OtpCode.TryParse(value.ToString("D6", CultureInfo.InvariantCulture), out var otp)
            ? OtpRead.Of(otp)
            : OtpRead.Missing("the emulator's OTP endpoint returned no 6-digit code");
    }
}
