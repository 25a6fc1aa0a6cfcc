namespace Kakao.Provider.Resources.Template;

/// <summary>The schema documentation of the template resource and functions.</summary>
internal static class TemplateDocs
{
    public const string Resource =
        "A KakaoTalk (AlimTalk) message template of a sender, inspected by Kakao before it can be used. " +
        "Create submits it (`status` `IN_PROGRESS`); Kakao's verdict arrives later (`pulumi refresh`): `APPROVED` or `REJECTED` (see `comment`). " +
        "Edits resubmit it and are refused while Kakao is inspecting it. The sender must be `ACTIVE` (verified with `kakao verify`) before its templates can be created. " +
        "The id is `{plusFriendId}/{code}`: `pulumi import kakao:index:KakaoTemplate shipped @sinch-demo/S7yFqaKqJ8tsnBZH2CEd`.";

    public const string GetTemplateCategories =
        "The template categories available to a sender: groups with their 6-digit category codes (for `categoryCode`), in Korean and English.";

    public const string GetTemplate =
        "Reads one template of a sender by its code: its details, inspection status, reviewer's comment and variables.";
}
