namespace Kakao.Emulator.Domain;

/// <summary>How submissions are reviewed: decided when a sender is submitted, applied after the delay.</summary>
internal sealed record ReviewPolicy(ReviewMode Mode, TimeSpan Delay, string? Comment)
{
    public const string DefaultRejectionComment = "The sender was rejected by the emulator's review policy.";

    public string RejectionComment => string.IsNullOrWhiteSpace(Comment) ? DefaultRejectionComment : Comment;
}

/// <summary>The current review policy, replaceable at run time through the control API.</summary>
internal class ReviewPolicyHolder(ReviewPolicy initial)
{
    private volatile ReviewPolicy _current = initial;

    public ReviewPolicy Initial { get; } = initial;

    public ReviewPolicy Current
    {
        get => _current;
        set => _current = value;
    }
}
