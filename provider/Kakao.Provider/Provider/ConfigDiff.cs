using Kakao.Provider.Configuration;
using Kakao.Provider.Model;

namespace Kakao.Provider.Provider;

/// <summary>
/// DiffConfig: a different project means different senders (replace); credentials, endpoints and tuning are
/// plain updates. Unknown new values count as changes.
/// </summary>
internal static class ConfigDiff
{
    private static readonly string[] Keys =
    [
        ConfigKeys.ProjectId, ConfigKeys.KeyId, ConfigKeys.KeySecret, ConfigKeys.Endpoint, ConfigKeys.AuthEndpoint,
        ConfigKeys.AuthMode, ConfigKeys.MaxRetries, ConfigKeys.RequestTimeout,
    ];

    public static DiffResult Diff(PropertyMap olds, PropertyMap news, PropertyMap? oldInputs)
    {
        bool inputDiff = oldInputs is { Count: > 0 };
        var baseline = inputDiff ? oldInputs! : olds;
        var detailed = new Dictionary<string, PropertyDiff>(StringComparer.Ordinal);
        var replaces = new List<string>();
        foreach (var key in Keys)
        {
            var oldValue = baseline.Get(key)?.Unwrap().Value;
            var newValue = news.Get(key)?.Unwrap().Value;
            oldValue = oldValue is { IsNull: true } ? null : oldValue;
            newValue = newValue is { IsNull: true } ? null : newValue;
            bool replace = key == ConfigKeys.ProjectId;
            PropertyDiffKind? kind = (oldValue, newValue) switch
            {
                (null, null) => null,
                (null, _) => replace ? PropertyDiffKind.AddReplace : PropertyDiffKind.Add,
                (_, null) => replace ? PropertyDiffKind.DeleteReplace : PropertyDiffKind.Delete,
                _ when !newValue.IsComputed && oldValue.Equals(newValue) => null,
                _ => replace ? PropertyDiffKind.UpdateReplace : PropertyDiffKind.Update,
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

        return detailed.Count == 0 ? DiffResult.NoChanges : new DiffResult(DiffChanges.Some, replaces, detailed);
    }
}
