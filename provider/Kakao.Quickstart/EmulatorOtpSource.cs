using System.Net;
using System.Text.Json;

namespace Kakao.Quickstart;

/// <summary>
/// Demos and tests against the local emulator: reads the code the emulator "sent" to the admin phone from its
/// control API (<c>GET /_emulator/projects/{p}/kakaotalk/senders/{id}/otp</c>). Refused for any endpoint that is
/// not loopback, so it can never be pointed at Sinch.
/// </summary>
internal sealed class EmulatorOtpSource : IOtpSource
{
    private static readonly HttpClient Http = new(new SocketsHttpHandler { UseProxy = false }) { Timeout = TimeSpan.FromSeconds(10) };

    public string Description => "the emulator's phone";

    public bool CanRetry => false;

    public bool CanSupplyCodes => true;

    public bool FixedBeforeRun => false;

    public async Task<OtpRead> ReadAsync(OtpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Endpoint is not { IsLoopback: true } endpoint)
        {
            return OtpRead.Missing("--otp-from emulator works only with a loopback (emulator) endpoint");
        }

        var path = $"/_emulator/projects/{Uri.EscapeDataString(request.ProjectId)}/kakaotalk/senders/{Uri.EscapeDataString(request.PlusFriendId)}/otp";
        try
        {
            using var response = await Http.GetAsync(new Uri(endpoint, path), cancellationToken).ConfigureAwait(false);
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                return OtpRead.Missing($"the emulator holds no code for {request.PlusFriendId}");
            }

            response.EnsureSuccessStatusCode();
            using var body = JsonDocument.Parse(await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false));
            return body.RootElement.TryGetProperty("code", out var code) && code.TryGetInt32(out var value)
                && OtpCode.TryParse(value.ToString("D6", System.Globalization.CultureInfo.InvariantCulture), out var otp)
                ? OtpRead.Of(otp)
                : OtpRead.Missing("the emulator's answer held no code");
        }
        catch (Exception ex) when (ex is HttpRequestException or JsonException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return OtpRead.Missing($"the emulator's phone could not be read ({ex.GetType().Name})");
        }
    }
}
