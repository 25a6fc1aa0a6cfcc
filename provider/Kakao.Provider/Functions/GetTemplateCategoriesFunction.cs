using Kakao.Provider.Configuration;
using Kakao.Provider.Models;
using Kakao.Provider.Resources.Template;
using Kakao.Provider.Typed;
using Kakao.Provisioning;
using Kakao.Provisioning.Models;

namespace Kakao.Provider.Functions;

/// <summary>
/// <c>kakao:index:getTemplateCategories</c>: a sender's template categories and their codes. The engine runs
/// invokes in previews too, and YAML does so as soon as a planned sender's echoed plusFriendId is known: in a
/// preview a sender that does not exist yet answers no categories instead of failing the preview.
/// </summary>
[Function("kakao:index:getTemplateCategories", Description = TemplateDocs.GetTemplateCategories)]
internal sealed partial class GetTemplateCategoriesFunction(ConfiguredClients clients)
    : IFunction<GetTemplateCategoriesArgs, GetTemplateCategoriesResult>, ICheckArgs<GetTemplateCategoriesArgs>
{
    public IReadOnlyList<CheckFailure> CheckArgs(InvokeRequest<GetTemplateCategoriesArgs> request) => FunctionArgChecks.Check(
        request.Facts,
        "it",
        new(GetTemplateCategoriesArgs.WireNames.PlusFriendId, request.Args.PlusFriendId, Required: true, FunctionArg.PathSegmentRule),
        new(GetTemplateCategoriesArgs.WireNames.ProjectId, request.Args.ProjectId, Required: false, FunctionArg.PathSegmentRule));

    public async Task<FunctionResult<GetTemplateCategoriesResult>> InvokeAsync(InvokeRequest<GetTemplateCategoriesArgs> request, CancellationToken cancellationToken)
    {
        IReadOnlyList<TemplateCategory> groups;
        try
        {
            groups = await clients.GetClient(request.Args.ProjectId).ListTemplateCategoriesAsync(request.Args.PlusFriendId, cancellationToken);
        }
        catch (ProvisioningApiException ex) when (request.Preview && ex.Status == 404 && ex.ErrorCode == SinchErrorCodes.SenderNotFound)
        {
            groups = [];
        }

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
