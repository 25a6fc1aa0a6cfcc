using Kakao.Provider.Models;
using Kakao.Provider.Typed;

namespace Kakao.Provider.Resources.Sender;

/// <summary>
/// The sender's one Diff rule beyond the default: <c>projectId</c>. Writing down (or dropping) the project the
/// sender already lives in is no change; an unknown project may turn out to be the same one, so it is an update
/// for now (the Diff of <c>up</c>, with the value known, decides); and moving a sender to another project under
/// the same plusFriendId is refused, since no replacement can do it (see <see cref="SenderMoveRefusal"/>).
/// </summary>
internal static class SenderProjectDiff
{
    private const string Key = SenderInputs.WireNames.ProjectId;

    /// <param name="request">The diff request with the default diff.</param>
    /// <param name="defaultProjectId">The provider's project, when known.</param>
    public static DiffResult Adjust(DiffRequest<SenderInputs, SenderOutputs> request, string? defaultProjectId)
    {
        var diff = request.Default;
        if (request.IgnoreChanges.Contains(Key))
        {
            return diff;
        }

        if (request.NewFacts.Unknowns.Contains(Key))
        {
            var inputDiff = diff.DetailedDiff.TryGetValue(Key, out var entry) && entry.InputDiff;
            var kind = request.OldInputs.ProjectId is null ? PropertyDiffKind.Add : PropertyDiffKind.Update;
            return diff.With(Key, new PropertyDiff(kind, inputDiff), replace: false);
        }

        if (request.NewFacts.WrongKinds.TryGetValue(Key, out var wrongKind))
        {
            throw new InvalidInputException($"projectId must be a string (got a value of kind {wrongKind})");
        }

        var current = request.OldOutputs.ProjectId ?? request.OldInputs.ProjectId ?? Known(defaultProjectId);
        var wanted = request.NewInputs.ProjectId ?? Known(defaultProjectId) ?? request.OldInputs.ProjectId;
        if (current is null || wanted is null || current == wanted)
        {
            return diff.Without(Key);
        }

        // A malformed project (not one URL segment, too long) is bad input, not a move.
        if (request.NewInputs.ProjectId is { } given
            && SenderInputRules.Normalize(Key, given, request.NewFacts.Secrets.Contains(Key), out var reason) is null)
        {
            throw new InvalidInputException(reason!);
        }

        if (!diff.Replaces.Contains(SenderInputs.WireNames.PlusFriendId))
        {
            // Same plusFriendId, other project: creating first fails (the id is taken), deleting first destroys a
            // live channel whose id Sinch blocks for 60 days. Stop the preview instead.
            throw SenderMoveRefusal.For(
                request.OldOutputs.PlusFriendId ?? request.NewInputs.PlusFriendId ?? "(unknown)",
                current,
                wanted,
                explicitOverride: request.NewInputs.ProjectId is not null);
        }

        return diff;
    }

    private static string? Known(string? text) => string.IsNullOrEmpty(text) ? null : text;
}
