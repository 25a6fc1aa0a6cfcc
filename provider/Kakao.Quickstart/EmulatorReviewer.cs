namespace Kakao.Quickstart;

/// <summary>
/// Sinch's reviewer, played through the emulator's control API
/// (<c>POST /_emulator/projects/{p}/kakaotalk/senders/{id}/approve</c>). The quick start approves right after it
/// has seen the sender IN_PROGRESS: with the emulator's automatic approval the plugin's own read after Create
/// would already see the decision, and IN_PROGRESS would never show in the journey; a review delay instead
/// would make every run wait on a timer.
/// </summary>
internal sealed class EmulatorReviewer(HttpClient http, Uri emulator, string projectId)
{
    public async Task ApproveAsync(string plusFriendId, CancellationToken cancellationToken)
    {
        var uri = new Uri(emulator, $"/_emulator/projects/{Uri.EscapeDataString(projectId)}/kakaotalk/senders/{Uri.EscapeDataString(plusFriendId)}/approve");
        using var response = await http.PostAsync(uri, null, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new QuickstartStepException(QuickstartExit.StepFailed,
                $"The emulator's reviewer could not approve {plusFriendId} (HTTP {(int)response.StatusCode}).");
        }
    }
}
