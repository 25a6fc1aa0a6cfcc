namespace Kakao.Emulator.Domain.Templates;

/// <summary>
/// How Kakao's inspection of submitted templates goes, replaceable at run time through
/// <c>POST /_emulator/template-review-policy</c>; separate from the senders' review policy.
/// </summary>
internal sealed class TemplateReviewPolicyHolder(ReviewPolicy initial)
{
    private volatile ReviewPolicy _current = initial;

    public ReviewPolicy Initial { get; } = initial;

    public ReviewPolicy Current
    {
        get => _current;
        set => _current = value;
    }
}
