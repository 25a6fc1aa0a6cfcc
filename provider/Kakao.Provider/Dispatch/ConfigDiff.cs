using Kakao.Provider.Configuration;
using Kakao.Provider.Models;

namespace Kakao.Provider.Dispatch;

/// <summary>
/// DiffConfig: every change, the project included, is an update of the provider, never a replacement. The
/// engine answers a provider-level replace by replacing every sender of that provider without asking their own
/// Diff — for a sender that means deleting a live channel whose plusFriendId Sinch then blocks for 60 days.
/// Each sender's Diff decides instead: it knows the project the sender lives in. Unknown new values count as
/// changes.
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
        foreach (var key in Keys)
        {
            var oldValue = baseline.Get(key)?.Unwrap().Value;
            var newValue = news.Get(key)?.Unwrap().Value;
            oldValue = oldValue is { IsNull: true } ? null : oldValue;
            newValue = newValue is { IsNull: true } ? null : newValue;
            PropertyDiffKind? kind = (oldValue, newValue) switch
            {
                (null, null) => null,
                (null, _) => PropertyDiffKind.Add,
                (_, null) => PropertyDiffKind.Delete,
                _ when !newValue.IsComputed && oldValue.Equals(newValue) => null,
                _ => PropertyDiffKind.Update,
            };
            if (kind is { } k)
            {
                detailed[key] = new PropertyDiff(k, inputDiff);
            }
        }

        return detailed.Count == 0 ? DiffResult.NoChanges : new DiffResult(DiffChanges.Some, [], detailed);
    }
}
