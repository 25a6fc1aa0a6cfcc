using Kakao.Provider.Configuration;
using Kakao.Provider.Models;
using Kakao.Provider.Resources.Template;
using Kakao.Provider.Typed;
using Kakao.Provisioning;

namespace Kakao.Provider.Functions;

/// <summary><c>kakao:index:getTemplateCategories</c>: a sender's template categories and their codes.</summary>
[Function("kakao:index:getTemplateCategories", Description = TemplateDocs.GetTemplateCategories)]
internal sealed partial class GetTemplateCategoriesFunction(ConfiguredClients clients) : IFunction<GetTemplateCategoriesArgs, GetTemplateCategoriesResult>
{
    public async Task<FunctionResult<GetTemplateCategoriesResult>> InvokeAsync(InvokeRequest<GetTemplateCategoriesArgs> request, CancellationToken cancellationToken)
    {
        TemplateFunctionChecks.Segments(request.Args.PlusFriendId, request.Args.ProjectId);
        var groups = await clients.GetClient(request.Args.ProjectId).ListTemplateCategoriesAsync(request.Args.PlusFriendId, cancellationToken);
        var result = groups.Select(g => new TemplateCategoryGroup
        {
            Name = g.Name,
            NameEnglish = g.NameEnglish,
            Subcategories = [.. g.Subcategories.Select(s => new TemplateCategoryItem
            {
                Code = s.Code, Name = s.Name, NameEnglish = s.NameEnglish, GroupName = s.GroupName, Inclusion = s.Inclusion, Exclusion = s.Exclusion,
            })],
        }).ToList();
        return new GetTemplateCategoriesResult { Categories = result, Codes = [.. result.SelectMany(g => g.Subcategories).Select(s => s.Code)] };
    }
}

/// <summary>Argument checks shared by the template functions.</summary>
internal static class TemplateFunctionChecks
{
    public static void Segments(string plusFriendId, string? projectId, string? code = null)
    {
        foreach (var (name, value) in new[] { ("plusFriendId", (string?)plusFriendId), ("projectId", projectId), ("code", code) })
        {
            if (value is not null && PathSegment.Problem(value) is { } problem)
            {
                throw new InvalidInputException($"{name} {problem}.");
            }
        }
    }
}
