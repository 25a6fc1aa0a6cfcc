namespace Kakao.Emulator;

/// <summary>How the emulator reviews submitted senders.</summary>
public enum ReviewMode
{
    /// <summary>Submissions are approved after <see cref="EmulatorOptions.ReviewDelay"/>.</summary>
    Approve,

    /// <summary>Submissions are rejected after <see cref="EmulatorOptions.ReviewDelay"/> with <see cref="EmulatorOptions.ReviewComment"/>.</summary>
    Reject,

    /// <summary>Submissions stay IN_PROGRESS until the control API approves or rejects them.</summary>
    Manual,
}

/// <summary>What the API shows of a sender after DELETE, for the 60 days Sinch keeps it.</summary>
public enum DeletedSenderMode
{
    /// <summary>Gone at once: reads answer 404 sender_not_found (writes too).</summary>
    Gone,

    /// <summary>
    /// Still readable, as Sinch keeps it "usable 60 days": GET, the list and the activities show it as it was;
    /// writes answer 404 sender_not_found, a second DELETE 409 sender_already_deleted.
    /// </summary>
    Retained,
}

/// <summary>Settings of an emulator instance (see <see cref="EmulatorServer.StartAsync"/>).</summary>
public sealed class EmulatorOptions
{
    /// <summary>The access key id accepted in Basic auth and by the token endpoint.</summary>
    public string KeyId { get; set; } = "emulator-key";

    /// <summary>The access key secret accepted in Basic auth and by the token endpoint.</summary>
    public string KeySecret { get; set; } = "emulator-secret";

    /// <summary>A JSON file that keeps the state across restarts; null keeps everything in memory.</summary>
    public string? DataFile { get; set; }

    /// <summary>The review policy applied to submissions (default: approve).</summary>
    public ReviewMode ReviewMode { get; set; } = ReviewMode.Approve;

    /// <summary>How long an automatic review takes (default: zero, so demos flow).</summary>
    public TimeSpan ReviewDelay { get; set; } = TimeSpan.Zero;

    /// <summary>The comment of automatic rejections; a default text when null.</summary>
    public string? ReviewComment { get; set; }

    /// <summary>How Kakao inspects submitted templates (default: approve), separate from the senders' review.</summary>
    public ReviewMode TemplateReviewMode { get; set; } = ReviewMode.Approve;

    /// <summary>How long an automatic template inspection takes (default: zero, so demos flow).</summary>
    public TimeSpan TemplateReviewDelay { get; set; } = TimeSpan.Zero;

    /// <summary>The comment of automatic template rejections; a default text when null.</summary>
    public string? TemplateReviewComment { get; set; }

    /// <summary>What reads show of a deleted sender during its 60 days (default: gone at once).</summary>
    public DeletedSenderMode DeletedSenders { get; set; } = DeletedSenderMode.Gone;

    /// <summary>The clock of every time-based behaviour (review delay, OTP expiry, timestamps, tokens).</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>The address(es) to listen on, separated by ';'. Port 0 picks a free port.</summary>
    public string Urls { get; set; } = "http://127.0.0.1:0";

    /// <summary>
    /// Project ids onboarded for KakaoTalk; null (the default) treats every project id as onboarded. Others
    /// answer 400 project_not_initialized.
    /// </summary>
    public IReadOnlyCollection<string>? InitializedProjectIds { get; set; }

    /// <summary>
    /// Project ids that exist; null (the default) lets every project id exist. Create and update of a sender in
    /// another project answer 404 project_not_found, the two operations whose definition lists it.
    /// </summary>
    public IReadOnlyCollection<string>? ExistingProjectIds { get; set; }

    /// <summary>Writes request and lifecycle logs to the console (the command-line host turns this on).</summary>
    public bool ConsoleLogging { get; set; }

    /// <summary>Tests only: draws the one-time codes (default: uniformly from 000000..999999).</summary>
    internal Func<int>? OtpSource { get; set; }

    /// <summary>Ctrl+C / SIGTERM stop the host (the command-line host only; in-process hosts keep their own handling).</summary>
    internal bool HandleConsoleSignals { get; set; }

    /// <summary>Checks the settings and throws <see cref="ArgumentException"/> naming the wrong one.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(KeyId) || KeyId.Contains(':', StringComparison.Ordinal))
        {
            throw new ArgumentException("KeyId must be non-empty and must not contain ':'.", nameof(KeyId));
        }

        if (string.IsNullOrEmpty(KeySecret))
        {
            throw new ArgumentException("KeySecret must be non-empty.", nameof(KeySecret));
        }

        if (ReviewDelay < TimeSpan.Zero || ReviewDelay > TimeSpan.FromDays(1))
        {
            throw new ArgumentException("ReviewDelay must be between 0 and 1 day.", nameof(ReviewDelay));
        }

        if (TemplateReviewDelay < TimeSpan.Zero || TemplateReviewDelay > TimeSpan.FromDays(1))
        {
            throw new ArgumentException("TemplateReviewDelay must be between 0 and 1 day.", nameof(TemplateReviewDelay));
        }

        if (string.IsNullOrWhiteSpace(Urls))
        {
            throw new ArgumentException("Urls must name at least one address.", nameof(Urls));
        }

        if (!Enum.IsDefined(DeletedSenders))
        {
            throw new ArgumentException("DeletedSenders must be Gone or Retained.", nameof(DeletedSenders));
        }

        ArgumentNullException.ThrowIfNull(TimeProvider);
    }

    /// <summary>Renders the options without the key secret.</summary>
    public override string ToString() =>
        $"EmulatorOptions {{ KeyId = {KeyId}, KeySecret = ***, DataFile = {DataFile ?? "(memory)"}, ReviewMode = {ReviewMode}, ReviewDelay = {ReviewDelay}, DeletedSenders = {DeletedSenders}, Urls = {Urls} }}";
}
