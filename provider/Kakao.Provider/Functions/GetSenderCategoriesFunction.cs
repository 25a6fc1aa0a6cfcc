using Kakao.Provider.Configuration;
using Kakao.Provider.Model;
using Kakao.Provider.Provider;
using Kakao.Provider.Resources.Sender;
using Kakao.Provisioning.Models;

namespace Kakao.Provider.Functions;

/// <summary>
/// <c>kakao:index:getSenderCategories</c>: the category tree and the flat list of valid
/// top/mid/sub code triples a sender can use.
/// </summary>
internal sealed class GetSenderCategoriesFunction(ConfiguredClients clients)
{
    public async Task<PropertyMap> InvokeAsync(PropertyMap args, CancellationToken cancellationToken)
    {
        var projectId = args.Get(SenderProperties.ProjectId)?.Unwrap().Value is { Kind: PropertyValueKind.String } p ? p.StringValue : null;
        if (projectId is { Length: > 0 } && SenderInputRules.Normalize(SenderProperties.ProjectId, projectId, out var reason) is null)
        {
            throw new InvalidInputException(reason!);
        }

        var tree = await clients.GetClient(projectId).ListSenderCategoriesAsync(cancellationToken);
        return new PropertyMapBuilder()
            .Set(FunctionTokens.Categories, PropertyValue.Create(tree.Select(ToValue)))
            .Set(FunctionTokens.Triples, PropertyValue.Create(Triples(tree)))
            .Build();
    }

    /// <summary>Every path top (depth 1) → mid (depth 2) → sub (depth 3) of the tree.</summary>
    public static IEnumerable<PropertyValue> Triples(IReadOnlyList<SenderCategory> tree)
    {
        foreach (var top in tree)
        {
            foreach (var mid in top.Subcategories)
            {
                foreach (var sub in mid.Subcategories)
                {
                    yield return PropertyValue.Create(new PropertyMapBuilder()
                        .SetString(SenderProperties.TopLevelCategoryCode, top.Code)
                        .SetString(SenderProperties.MidLevelCategoryCode, mid.Code)
                        .SetString(SenderProperties.SubLevelCategoryCode, sub.Code)
                        .SetString(FunctionTokens.Path, $"{top.Name} > {mid.Name} > {sub.Name}")
                        .Build());
                }
            }
        }
    }

    private static PropertyValue ToValue(SenderCategory category) => PropertyValue.Create(new PropertyMapBuilder()
        .SetString(FunctionTokens.Code, category.Code)
        .SetString(FunctionTokens.Name, category.Name)
        .Set(FunctionTokens.Depth, PropertyValue.Create(category.Depth))
        .SetString(FunctionTokens.ParentCode, category.ParentCode)
        .Set(FunctionTokens.Subcategories, PropertyValue.Create(category.Subcategories.Select(ToValue)))
        .Build());
}
