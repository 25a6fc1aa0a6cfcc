using Kakao.Provider.Models;

namespace Kakao.Provider.Typed;

/// <summary>
/// The default Diff, from the inputs' spec: compares the checked new inputs with the old inputs (or, for old
/// state without inputs, the old outputs) property by property. A change of a replace-on-change property
/// replaces (the new resource created first), any other change updates in place; an absent value equals its
/// default; secretness alone is no change; an unknown new value always is one; outputs never count.
/// </summary>
internal static class InputDiff
{
    public static DiffResult Diff(RecordSpec spec, PropertyMap olds, PropertyMap news, PropertyMap? oldInputs, IReadOnlyCollection<string>? ignoreChanges)
    {
        bool inputDiff = oldInputs is { Count: > 0 };
        var baseline = inputDiff ? oldInputs! : olds;
        var detailed = new Dictionary<string, PropertyDiff>(StringComparer.Ordinal);
        var replaces = new List<string>();
        foreach (var property in spec.Properties)
        {
            var key = property.Name;
            if (ignoreChanges?.Contains(key) == true)
            {
                continue;
            }

            var oldValue = Plain(baseline.Get(key)) ?? property.Default;
            var newValue = Plain(news.Get(key)) ?? property.Default;
            bool replace = property.ReplaceOnChanges;
            PropertyDiffKind? kind = (oldValue, newValue) switch
            {
                (null, null) => null,
                (_, { IsComputed: true }) => oldValue is null ? PropertyDiffKind.Add.Replacing(replace) : PropertyDiffKind.Update.Replacing(replace),
                (null, _) => PropertyDiffKind.Add.Replacing(replace),
                (_, null) => PropertyDiffKind.Delete.Replacing(replace),
                _ when oldValue.Equals(newValue) => null,
                _ => PropertyDiffKind.Update.Replacing(replace),
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

        return detailed.Count == 0 ? DiffResult.NoChanges : new DiffResult(DiffChanges.Some, replaces, detailed, DeleteBeforeReplace: false);
    }

    /// <summary>The value without secret/output wrappers (secretness is not a change); null when absent.</summary>
    internal static PropertyValue? Plain(PropertyValue? value)
    {
        if (value is null)
        {
            return null;
        }

        var (plain, _) = value.Unwrap();
        return plain.IsNull ? null : plain;
    }
}
