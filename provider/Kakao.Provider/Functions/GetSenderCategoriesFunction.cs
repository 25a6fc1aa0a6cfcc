using Kakao.Provider.Configuration;
using Kakao.Provider.Models;
using Kakao.Provider.Resources.Sender;
using Kakao.Provider.Typed;
using Kakao.Provisioning.Models;

namespace Kakao.Provider.Functions;

/// <summary>
/// <c>kakao:index:getSenderCategories</c>: the category tree and the flat list of valid
/// top/mid/sub code triples a sender can use.
/// </summary>
[Function("kakao:index:getSenderCategories", Description = SenderDocs.GetSenderCategories)]
internal sealed partial class GetSenderCategoriesFunction(ProvisioningClientProvider clients) : IFunction<GetSenderCategoriesArgs, GetSenderCategoriesResult>
{
    public async Task<FunctionResult<GetSenderCategoriesResult>> InvokeAsync(InvokeRequest<GetSenderCategoriesArgs> request, CancellationToken cancellationToken)
    {
        var projectId = request.Args.ProjectId;
        if (projectId is { Length: > 0 } && SenderInputRules.Normalize(SenderInputs.WireNames.ProjectId, projectId, out var reason) is null)
        {
            throw new InvalidInputException(reason!);
        }

        var tree = await clients.GetClient(projectId).ListSenderCategoriesAsync(cancellationToken);
        return new GetSenderCategoriesResult { Categories = [.. tree.Select(ToNode)], Triples = [.. Triples(tree)] };
    }

    /// <summary>Every path top (depth 1) → mid (depth 2) → sub (depth 3) of the tree.</summary>
    public static IEnumerable<SenderCategoryTriple> Triples(IReadOnlyList<SenderCategory> tree)
    {
        foreach (var top in tree)
        {
            foreach (var mid in top.Subcategories)
            {
                foreach (var sub in mid.Subcategories)
                {
                    yield return new SenderCategoryTriple
                    {
                        TopLevelCategoryCode = top.Code,
                        MidLevelCategoryCode = mid.Code,
                        SubLevelCategoryCode = sub.Code,
                        Path = $"{top.Name} > {mid.Name} > {sub.Name}",
                    };
                }
            }
        }
    }

    private static SenderCategoryNode ToNode(SenderCategory category) => new()
    {
        Code = category.Code,
        Name = category.Name,
        Depth = category.Depth,
        ParentCode = category.ParentCode,
        Subcategories = [.. category.Subcategories.Select(ToNode)],
    };
}
