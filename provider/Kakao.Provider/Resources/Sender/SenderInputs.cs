using System.Text;
using Kakao.Provider.Typed;

namespace Kakao.Provider.Resources.Sender;

/// <summary>
/// The inputs of <c>kakao:index:KakaoSender</c>: one property per line, its schema facts in its attribute; the
/// format rules are <see cref="SenderInputRules"/>. <see cref="object.ToString"/> never shows the admin phone number.
/// </summary>
internal partial record SenderInputs
{
    [Property("The KakaoTalk channel's search id (1 to 30 characters, usually starting with `@`). It is the sender's id: changing it replaces the sender.", Example = "\"@sinch-demo\"", ReplaceOnChanges = true)]
    public required string PlusFriendId { get; init; }

    [Property("The Sinch project the sender lives in (at most 128 characters; a single URL path segment, so not `.`, `..` or containing `/`). Defaults to the provider's `kakao:projectId`. Changing it replaces the sender.", Example = "\"6bf3a9c2-0d1e-4a5b-9c7d-8e9f0a1b2c3d\"", ReplaceOnChanges = true, OutputRequired = true, OutputDescription = "The Sinch project the sender lives in (the `projectId` input, or else the provider's `kakao:projectId`).")]
    public string? ProjectId { get; init; }

    [Property("The phone number of the channel's administrator in E.164 international format (`+`, the country calling code and the number; at most 15 characters): it receives the one-time code that verifies the sender. Spaces, dashes, dots and parentheses are removed (`+48 777-777-777` becomes `+48777777777`). Personal data: always stored as a secret and never logged.", Example = "\"+48777777777\"", Secret = true)]
    public required string AdminPhoneNo { get; init; }

    [Property("The sender's display name (1 to 512 characters).", Example = "\"Sinch Demo Shop\"")]
    public required string Name { get; init; }

    [Property("Top-level business category: 3 digits. Valid combinations come from the `kakao:index:getSenderCategories` function.", Example = "\"019\"")]
    public required string TopLevelCategoryCode { get; init; }

    [Property("Mid-level business category under the top-level one: 4 digits.", Example = "\"0006\"")]
    public required string MidLevelCategoryCode { get; init; }

    [Property("Sub-level business category under the mid-level one: 4 digits.", Example = "\"0001\"")]
    public required string SubLevelCategoryCode { get; init; }

    [Property("Optional http(s) URL (at most 2048 characters) of the sender's logo, a JPEG or PNG image of at most 5 MB.", Example = "\"https://example.com/logo.png\"")]
    public string? LogoImage { get; init; }

    [Property("Whether to submit the sender (and every later change) for review. `false` saves the details as a draft without review; set it to `true` later to submit.", Example = "true", Default = true)]
    public bool Submit { get; init; } = true;

    // Personal data never reaches a log line through ToString.
    protected virtual bool PrintMembers(StringBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Append($"PlusFriendId = {PlusFriendId}, ProjectId = {ProjectId}, AdminPhoneNo = ***, Name = {Name}, ")
            .Append($"Categories = {TopLevelCategoryCode}/{MidLevelCategoryCode}/{SubLevelCategoryCode}, LogoImage = {LogoImage}, Submit = {Submit}");
        return true;
    }
}
