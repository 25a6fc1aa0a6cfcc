namespace Kakao.Verification;

/// <summary>What <c>kakao verify</c> was asked to do.</summary>
internal sealed record VerifySettings
{
    public string? Stack { get; init; }

    public IReadOnlyList<string> Senders { get; init; } = [];

    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>How advice is worded and unregistered senders treated; null: <see cref="VerifyPolicy.Stack"/>.</summary>
    public VerifyPolicy? Policy { get; init; }
}
