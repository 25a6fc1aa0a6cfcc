namespace Kakao.Emulator.Domain.Templates;

/// <summary>
/// How Kakao's inspection of submitted templates goes, replaceable at run time through
/// <c>POST /_emulator/template-review-policy</c>; a holder of its own, separate from the senders' review policy.
/// </summary>
internal sealed class TemplateReviewPolicyHolder(ReviewPolicy initial) : ReviewPolicyHolder(initial);
