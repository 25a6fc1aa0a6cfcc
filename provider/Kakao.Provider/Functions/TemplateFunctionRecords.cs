using Kakao.Provider.Resources.Template;
using Kakao.Provider.Typed;

namespace Kakao.Provider.Functions;

/// <summary>The arguments of <c>kakao:index:getTemplateCategories</c>.</summary>
internal sealed partial record GetTemplateCategoriesArgs
{
    [Property("The sender whose template categories to list.", Example = "\"@sinch-demo\"")]
    public required string PlusFriendId { get; init; }

    [Property("The project to ask (defaults to the provider's `kakao:projectId`).", Example = "\"6bf3a9c2-0d1e-4a5b-9c7d-8e9f0a1b2c3d\"")]
    public string? ProjectId { get; init; }
}

/// <summary>The result of <c>kakao:index:getTemplateCategories</c>.</summary>
internal sealed partial record GetTemplateCategoriesResult
{
    [Property("The category groups with their categories.", Example = "[{name: \"회원\", nameEnglish: \"Membership\", subcategories: [...]}]")]
    public required IReadOnlyList<TemplateCategoryGroup> Categories { get; init; }

    [Property("Every category code, for `categoryCode`.", Example = "[\"001001\", \"999999\"]")]
    public required IReadOnlyList<string> Codes { get; init; }
}

/// <summary>A template category group.</summary>
[ObjectType("kakao:index:TemplateCategoryGroup", Description = "A group of KakaoTalk template categories.")]
internal sealed partial record TemplateCategoryGroup
{
    [Property("The group's Korean name.", Example = "\"회원\"")]
    public required string Name { get; init; }

    [Property("The group's English name.", Example = "\"Membership\"")]
    public string? NameEnglish { get; init; }

    [Property("The categories of the group.", Example = "[{code: \"001001\", ...}]")]
    public required IReadOnlyList<TemplateCategoryItem> Subcategories { get; init; }
}

/// <summary>A template category.</summary>
[ObjectType("kakao:index:TemplateCategory", Description = "A KakaoTalk template category.")]
internal sealed partial record TemplateCategoryItem
{
    [Property("The 6-digit code, for `categoryCode`.", Example = "\"001001\"")]
    public required string Code { get; init; }

    [Property("The Korean name.", Example = "\"회원가입\"")]
    public required string Name { get; init; }

    [Property("The English name.", Example = "\"Join membership\"")]
    public string? NameEnglish { get; init; }

    [Property("The group's name.", Example = "\"회원\"")]
    public string? GroupName { get; init; }

    [Property("What templates of the category contain.", Example = "\"가입 안내\"")]
    public string? Inclusion { get; init; }

    [Property("What they must not contain.", Example = "\"광고\"")]
    public string? Exclusion { get; init; }
}

/// <summary>The arguments of <c>kakao:index:getTemplate</c>.</summary>
internal sealed partial record GetTemplateArgs
{
    [Property("The sender the template belongs to.", Example = "\"@sinch-demo\"")]
    public required string PlusFriendId { get; init; }

    [Property("The template's code.", Example = "\"S7yFqaKqJ8tsnBZH2CEd\"")]
    public required string Code { get; init; }

    [Property("The project to ask (defaults to the provider's `kakao:projectId`).", Example = "\"6bf3a9c2-0d1e-4a5b-9c7d-8e9f0a1b2c3d\"")]
    public string? ProjectId { get; init; }
}

/// <summary>The result of <c>kakao:index:getTemplate</c>.</summary>
internal sealed partial record GetTemplateResult
{
    [Property("The sender.", Example = "\"@sinch-demo\"")]
    public required string PlusFriendId { get; init; }

    [Property("The template's code.", Example = "\"S7yFqaKqJ8tsnBZH2CEd\"")]
    public required string Code { get; init; }

    [Property("The name.", Example = "\"order-shipped\"")]
    public required string Name { get; init; }

    [Property("The language.", Example = "\"KO\"")]
    public required string Language { get; init; }

    [Property("The body (the pending version where there is one, else the inspected one).", Example = "\"#{customer}님, ...\"")]
    public required string Content { get; init; }

    [Property("The message type.", Example = "\"BASIC\"")]
    public string? MessageType { get; init; }

    [Property("The emphasis type.", Example = "\"EMPHASIZE_TYPE_NONE\"")]
    public string? EmphasizeType { get; init; }

    [Property("The category code.", Example = "\"999999\"")]
    public string? CategoryCode { get; init; }

    [Property("The buttons, in order.", Example = "[]")]
    public IReadOnlyList<TemplateButtonArgs>? Buttons { get; init; }

    [Property("The inspection at a glance (as the resource's `status`).", Example = "\"APPROVED\"")]
    public required string Status { get; init; }

    [Property("Kakao's verdict: `APPROVED` or `REJECTED`; absent until the first decision.", Example = "\"APPROVED\"")]
    public string? State { get; init; }

    [Property("The pending version's status, if any.", Example = "\"IN_PROGRESS\"")]
    public string? ChangesStatus { get; init; }

    [Property("What the reviewer said.", Example = "\"The button name is unclear.\"")]
    public string? Comment { get; init; }

    [Property("The `#{name}` variables of the content.", Example = "[\"customer\"]")]
    public required IReadOnlyList<string> Variables { get; init; }
}
