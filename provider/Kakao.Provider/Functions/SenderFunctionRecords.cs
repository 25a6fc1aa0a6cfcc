using System.Diagnostics.CodeAnalysis;
using Kakao.Provider.Resources.Sender;
using Kakao.Provider.Typed;

namespace Kakao.Provider.Functions;

/// <summary>The arguments of <c>kakao:index:getSenderCategories</c>.</summary>
internal sealed partial record GetSenderCategoriesArgs
{
    [Property("The project to ask (defaults to the provider's `kakao:projectId`).", Example = "\"6bf3a9c2-0d1e-4a5b-9c7d-8e9f0a1b2c3d\"")]
    public string? ProjectId { get; init; }
}

/// <summary>The result of <c>kakao:index:getSenderCategories</c>.</summary>
internal sealed partial record GetSenderCategoriesResult
{
    [Property("The category tree (top-level nodes with their subcategories).", Example = "[{code: \"019\", ...}]")]
    public required IReadOnlyList<SenderCategoryNode> Categories { get; init; }

    [Property("Every valid top/mid/sub code combination.", Example = "[{topLevelCategoryCode: \"019\", midLevelCategoryCode: \"0006\", subLevelCategoryCode: \"0001\", ...}]")]
    public required IReadOnlyList<SenderCategoryTriple> Triples { get; init; }
}

/// <summary>A node of the category tree, as the function returns it.</summary>
[ObjectType("kakao:index:SenderCategory", Description = "A node of the KakaoTalk sender category tree.")]
internal sealed partial record SenderCategoryNode
{
    [Property("The category code: 3 digits at depth 1, 4 digits at depths 2 and 3.", Example = "\"019\"")]
    public required string Code { get; init; }

    [Property("The category name (in Korean).", Example = "\"쇼핑\"")]
    public required string Name { get; init; }

    [Property("1 (top level), 2 (mid level) or 3 (sub level).", Example = "1")]
    public required int Depth { get; init; }

    [Property("The parent's code; empty at the top level.", Example = "\"\"")]
    public required string ParentCode { get; init; }

    [Property("The child categories.", Example = "`[]` for a sub-level category")]
    public required IReadOnlyList<SenderCategoryNode> Subcategories { get; init; }
}

/// <summary>A valid top/mid/sub combination.</summary>
[ObjectType("kakao:index:SenderCategoryTriple", Description = "A valid combination of category codes for a sender.")]
internal sealed partial record SenderCategoryTriple
{
    [Property("Top-level code (3 digits).", Example = "\"019\"")]
    public required string TopLevelCategoryCode { get; init; }

    [Property("Mid-level code (4 digits).", Example = "\"0006\"")]
    public required string MidLevelCategoryCode { get; init; }

    [Property("Sub-level code (4 digits).", Example = "\"0001\"")]
    public required string SubLevelCategoryCode { get; init; }

    [Property("The category names from top to sub level, joined by ` > `.", Example = "\"쇼핑 > 종합몰 > 오픈마켓\"")]
    public required string Path { get; init; }
}

/// <summary>The arguments of <c>kakao:index:getSender</c>.</summary>
internal sealed partial record GetSenderArgs
{
    [Property("The sender's plusFriendId.", Example = "\"@sinch-demo\"")]
    public required string PlusFriendId { get; init; }

    [Property("The project to look in (defaults to the provider's `kakao:projectId`).", Example = "\"6bf3a9c2-0d1e-4a5b-9c7d-8e9f0a1b2c3d\"")]
    public string? ProjectId { get; init; }
}

/// <summary>The result of <c>kakao:index:getSender</c>: the sender's outputs and whether it exists.</summary>
internal sealed partial record GetSenderResult : SenderOutputs
{
    public GetSenderResult()
    {
    }

    [SetsRequiredMembers]
    public GetSenderResult(SenderOutputs outputs, bool exists)
        : base(outputs) => Exists = exists;

    [Property("Whether the sender exists. Always `true` outside a preview (a missing sender is an error there); `false` during a preview for a sender that does not exist yet, with every output but `plusFriendId` and `projectId` absent.", Example = "true")]
    public bool Exists { get; init; }

    /// <summary>A preview's answer for a sender not created yet: only its identity, every other output absent.</summary>
    public static GetSenderResult NotYetCreated(string plusFriendId, string projectId) => new()
    {
        PlusFriendId = plusFriendId,
        ProjectId = projectId,
        Exists = false,
        // Absent outputs: the codec leaves nulls out, so these never reach the engine.
        AdminPhoneNo = null!,
        Name = null!,
        TopLevelCategoryCode = null!,
        MidLevelCategoryCode = null!,
        SubLevelCategoryCode = null!,
        Status = null!,
    };
}
