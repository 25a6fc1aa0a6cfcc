using Kakao.Provider.Configuration;
using Kakao.Provider.Models;
using Kakao.Provider.Resources.Template;
using Kakao.Provider.Typed;

namespace Kakao.Provider.Functions;

/// <summary><c>kakao:index:getTemplate</c>: one template of a sender, by code.</summary>
[Function("kakao:index:getTemplate", Description = TemplateDocs.GetTemplate)]
internal sealed partial class GetTemplateFunction(ConfiguredClients clients) : IFunction<GetTemplateArgs, GetTemplateResult>, ICheckArgs<GetTemplateArgs>
{
    public IReadOnlyList<CheckFailure> CheckArgs(InvokeRequest<GetTemplateArgs> request) => FunctionArgChecks.Check(
        request.Facts,
        "it",
        new(GetTemplateArgs.WireNames.PlusFriendId, request.Args.PlusFriendId, Required: true, FunctionArg.PathSegmentRule),
        new(GetTemplateArgs.WireNames.Code, request.Args.Code, Required: true, FunctionArg.PathSegmentRule),
        new(GetTemplateArgs.WireNames.ProjectId, request.Args.ProjectId, Required: false, FunctionArg.PathSegmentRule));

    public async Task<FunctionResult<GetTemplateResult>> InvokeAsync(InvokeRequest<GetTemplateArgs> request, CancellationToken cancellationToken)
    {
        var args = request.Args;
        var client = clients.GetClient(args.ProjectId);
        var snapshot = await client.DescribeTemplateAsync(args.PlusFriendId, args.Code, cancellationToken)
            ?? throw new ObjectNotFoundException($"Sender {args.PlusFriendId} has no template {args.Code} in project {client.ProjectId}.");
        var (inputs, outputs) = TemplateSnapshots.Read(snapshot, client.ProjectId, args.ProjectId, saveDraftOnFailure: false);
        return new GetTemplateResult
        {
            PlusFriendId = args.PlusFriendId,
            Code = outputs.Code,
            Name = inputs.Name,
            Language = inputs.Language,
            Content = inputs.Content,
            MessageType = snapshot.CurrentDetails?.MessageType?.Value,
            EmphasizeType = snapshot.CurrentDetails?.EmphasizeType?.Value,
            CategoryCode = inputs.CategoryCode,
            Buttons = inputs.Buttons,
            Status = outputs.Status,
            State = outputs.State,
            ChangesStatus = outputs.ChangesStatus,
            Comment = outputs.Comment,
            Variables = outputs.Variables,
        };
    }
}
