using Kakao.Provider.Models;
using Kakao.Provider.Typed;

namespace Kakao.Provider.Resources.Template;

/// <summary>
/// The template's Diff rules beyond the default: an API default written down (or dropped) is no change; a changed
/// <c>saveDraftOnFailure</c> matters only to a create; writing down the project the template already lives in is
/// no change; every replacement deletes first (names are unique per sender, so a new one could not be created
/// beside the old); and an edit while Kakao is inspecting stops the preview with what to wait for.
/// </summary>
internal static class TemplateDiff
{
    public static DiffResult Adjust(DiffRequest<TemplateInputs, TemplateOutputs> request, string? defaultProjectId)
    {
        var diff = request.Default.Without(TemplateInputs.WireNames.SaveDraftOnFailure);
        if ((request.OldInputs.MessageType ?? TemplateMessageKind.Basic) == (request.NewInputs.MessageType ?? TemplateMessageKind.Basic)
            && !request.NewFacts.Unknowns.Contains(TemplateInputs.WireNames.MessageType))
        {
            diff = diff.Without(TemplateInputs.WireNames.MessageType);
        }

        if ((request.OldInputs.EmphasizeType ?? TemplateEmphasis.None) == (request.NewInputs.EmphasizeType ?? TemplateEmphasis.None)
            && !request.NewFacts.Unknowns.Contains(TemplateInputs.WireNames.EmphasizeType))
        {
            diff = diff.Without(TemplateInputs.WireNames.EmphasizeType);
        }

        if (!request.NewFacts.Unknowns.Contains(TemplateInputs.WireNames.ProjectId)
            && ProjectOverride.IsSameProject(request.OldOutputs.ProjectId, request.OldInputs.ProjectId, request.NewInputs.ProjectId, defaultProjectId))
        {
            diff = diff.Without(TemplateInputs.WireNames.ProjectId);
        }

        if (diff.Replaces.Count > 0)
        {
            return diff with { DeleteBeforeReplace = true };
        }

        // A kept draft (Kakao refused a submission under saveDraftOnFailure) with submit still true is resubmitted by
        // the next `pulumi up`, as the 424's resolution says ("try to submit the template again") — also unchanged.
        if (request.NewInputs.Submit && request.OldOutputs.ChangesStatus == "DRAFT"
            && !request.NewFacts.Unknowns.Contains(TemplateInputs.WireNames.Submit) && !diff.ChangedKeys.Contains(TemplateInputs.WireNames.Submit))
        {
            diff = diff.With(TemplateInputs.WireNames.Submit, new PropertyDiff(PropertyDiffKind.Update, InputDiff: true), replace: false);
        }

        if (diff.Changes == DiffChanges.Some && request.OldOutputs.ChangesStatus == "IN_PROGRESS")
        {
            throw new ObjectNotUpdatableException(
                $"Template {request.OldOutputs.Code} (\"{request.OldOutputs.Name}\") cannot be edited while Kakao is inspecting it (changesStatus IN_PROGRESS): " +
                "wait for the verdict (APPROVED or REJECTED), run `pulumi refresh` to see it, then `pulumi up` again. " +
                $"Changed: {string.Join(", ", diff.ChangedKeys)}.");
        }

        return diff;
    }
}
