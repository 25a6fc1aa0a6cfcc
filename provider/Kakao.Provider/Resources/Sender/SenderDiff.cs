using Kakao.Provider.Model;
using Kakao.Provider.Provider;

namespace Kakao.Provider.Resources.Sender;

/// <summary>
/// Diff for senders: compares the checked new inputs with the old inputs (or, for old state without inputs,
/// the old outputs) property by property. A new plusFriendId is a new channel: replace, creating the new one
/// before deleting the old. The details are updated in place. Moving a sender to another project under the same
/// plusFriendId is refused: no replacement can do it (see <see cref="SenderMoveRefusal"/>). Unknown new values
/// always count as a change; outputs the service computes never do.
/// </summary>
internal static class SenderDiff
{
    /// <param name="olds">Old outputs (state).</param>
    /// <param name="news">New checked inputs.</param>
    /// <param name="oldInputs">Old inputs, when the engine sent them.</param>
    /// <param name="ignoreChanges">Top-level properties to ignore.</param>
    /// <param name="defaultProjectId">The provider's project, when known: naming it explicitly or dropping it is no move.</param>
    public static DiffResult Diff(PropertyMap olds, PropertyMap news, PropertyMap? oldInputs, IReadOnlyCollection<string>? ignoreChanges = null, string? defaultProjectId = null)
    {
        bool inputDiff = oldInputs is { Count: > 0 };
        var baseline = inputDiff ? oldInputs! : olds;
        var detailed = new Dictionary<string, PropertyDiff>(StringComparer.Ordinal);
        var replaces = new List<string>();
        PropertyValue? moveFrom = null, moveTo = null;

        foreach (var key in SenderProperties.Inputs)
        {
            if (ignoreChanges?.Contains(key) == true)
            {
                continue;
            }

            var oldValue = Plain(baseline.Get(key));
            var newValue = Plain(news.Get(key));
            if (key == SenderProperties.Submit)
            {
                // Absent means the default, true.
                oldValue ??= PropertyValue.Create(true);
                newValue ??= PropertyValue.Create(true);
            }
            else if (key == SenderProperties.ProjectId && !(newValue?.IsComputed ?? false))
            {
                // Writing down (or dropping) the project the sender already lives in is not a move.
                var current = Plain(olds.Get(key)) ?? oldValue ?? Known(defaultProjectId);
                var wanted = newValue ?? Known(defaultProjectId) ?? oldValue;
                if (current is null || wanted is null || current.Equals(wanted))
                {
                    continue;
                }

                // A malformed project (not one URL segment, too long, not text) is bad input, not a move.
                if (newValue is not null)
                {
                    bool secret = news.Get(key)?.IsSecret ?? false;
                    if (newValue.Kind != PropertyValueKind.String)
                    {
                        throw new InvalidInputException($"projectId must be a string (got a value of kind {newValue.Kind})");
                    }

                    if (SenderInputRules.Normalize(key, newValue.StringValue, secret, out var projectReason) is null)
                    {
                        throw new InvalidInputException(projectReason!);
                    }
                }

                moveFrom = current;
                moveTo = wanted;
            }

            // An unknown project may turn out to be the same one: an update for now; the Diff of `up`, with the
            // value known, decides.
            bool replace = SenderProperties.ReplaceOnChanges.Contains(key) && !(key == SenderProperties.ProjectId && (newValue?.IsComputed ?? false));
            PropertyDiffKind? kind = (oldValue, newValue) switch
            {
                (null, null) => null,
                (_, { IsComputed: true }) => oldValue is null ? Kind(PropertyDiffKind.Add, replace) : Kind(PropertyDiffKind.Update, replace),
                (null, _) => Kind(PropertyDiffKind.Add, replace),
                (_, null) => Kind(PropertyDiffKind.Delete, replace),
                _ when oldValue.Equals(newValue) => null,
                _ => Kind(PropertyDiffKind.Update, replace),
            };

            if (kind is { } k)
            {
                detailed[key] = new PropertyDiff(k, inputDiff);
                if (replace)
                {
                    replaces.Add(key);
                }
            }
        }

        if (moveFrom is not null && !replaces.Contains(SenderProperties.PlusFriendId))
        {
            // Same plusFriendId, other project: creating first fails (the id is taken), deleting first destroys a
            // live channel whose id Sinch blocks for 60 days. Stop the preview instead.
            throw SenderMoveRefusal.For(
                Text(Plain(olds.Get(SenderProperties.PlusFriendId))) ?? Text(Plain(news.Get(SenderProperties.PlusFriendId))) ?? "(unknown)",
                Text(moveFrom) ?? "(unknown)",
                Text(moveTo),
                explicitOverride: Plain(news.Get(SenderProperties.ProjectId)) is not null);
        }

        if (detailed.Count == 0)
        {
            return DiffResult.NoChanges;
        }

        // A new plusFriendId is another channel: create it first, then delete the old one (never the reverse,
        // which would leave nothing if the create failed).
        return new DiffResult(DiffChanges.Some, replaces, detailed, DeleteBeforeReplace: false);
    }

    private static string? Text(PropertyValue? value) => value is { Kind: PropertyValueKind.String } ? value.StringValue : null;

    private static PropertyValue? Known(string? text) => string.IsNullOrEmpty(text) ? null : PropertyValue.Create(text);

    private static PropertyDiffKind Kind(PropertyDiffKind kind, bool replace) => (kind, replace) switch
    {
        (PropertyDiffKind.Add, true) => PropertyDiffKind.AddReplace,
        (PropertyDiffKind.Delete, true) => PropertyDiffKind.DeleteReplace,
        (PropertyDiffKind.Update, true) => PropertyDiffKind.UpdateReplace,
        _ => kind,
    };

    /// <summary>The value without secret/output wrappers (secretness is not a change); null when absent.</summary>
    private static PropertyValue? Plain(PropertyValue? value)
    {
        if (value is null)
        {
            return null;
        }

        var (plain, _) = value.Unwrap();
        return plain.IsNull ? null : plain;
    }
}
