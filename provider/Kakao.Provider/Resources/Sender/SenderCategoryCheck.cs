using System.Runtime.CompilerServices;
using Kakao.Provider.Configuration;
using Kakao.Provider.Models;
using Kakao.Provider.Typed;
using Kakao.Provisioning;
using Kakao.Provisioning.Models;

namespace Kakao.Provider.Resources.Sender;

/// <summary>
/// Preview's check of the category triple against the live category tree (Check may not use the network, and
/// an embedded tree would refuse codes Sinch adds later). The tree is read once per client (project) and
/// cached; when it cannot be read — no configuration yet, no network, an error — the API's own check at
/// create time stays the guard, so preview does not fail for that.
/// </summary>
internal sealed class SenderCategoryCheck(ProvisioningClientProvider clients)
{
    private readonly ConditionalWeakTable<ProvisioningClient, Task<IReadOnlyList<SenderCategory>?>> _trees = new();

    /// <summary>Throws <see cref="InvalidInputException"/> naming the codes when the (known) triple is not in the tree.</summary>
    public async Task RequireKnownTripleAsync(PreviewRequest<SenderInputs> request, CancellationToken cancellationToken)
    {
        var inputs = request.Inputs;
        if (Code(request, SenderInputs.WireNames.TopLevelCategoryCode, inputs.TopLevelCategoryCode) is not { } top
            || Code(request, SenderInputs.WireNames.MidLevelCategoryCode, inputs.MidLevelCategoryCode) is not { } mid
            || Code(request, SenderInputs.WireNames.SubLevelCategoryCode, inputs.SubLevelCategoryCode) is not { } sub)
        {
            return;
        }

        ProvisioningClient client;
        try
        {
            client = clients.GetClient(Code(request, SenderInputs.WireNames.ProjectId, inputs.ProjectId));
        }
        catch (Exception ex) when (ex is NotConfiguredException or InvalidInputException)
        {
            return;
        }

        var tree = await _trees.GetValue(client, ReadTreeAsync).WaitAsync(cancellationToken);
        if (tree is not { Count: > 0 })
        {
            return;
        }

        var topNode = tree.FirstOrDefault(c => c.Code == top);
        var midNode = topNode?.Subcategories.FirstOrDefault(c => c.Code == mid);
        var subNode = midNode?.Subcategories.FirstOrDefault(c => c.Code == sub);
        var problem = topNode is null ? $"topLevelCategoryCode \"{top}\" is not a top-level category"
            : midNode is null ? $"midLevelCategoryCode \"{mid}\" is not a category under topLevelCategoryCode \"{top}\" ({topNode.Name})"
            : subNode is null ? $"subLevelCategoryCode \"{sub}\" is not a category under \"{top}\" > \"{mid}\" ({topNode.Name} > {midNode.Name})"
            : null;
        if (problem is not null)
        {
            throw new InvalidInputException($"{problem}; the valid triples are listed by the kakao:index:getSenderCategories function (its `triples` output).");
        }
    }

    private static async Task<IReadOnlyList<SenderCategory>?> ReadTreeAsync(ProvisioningClient client)
    {
        try
        {
            // Not the caller's token: the cached read is shared by every preview of this client.
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            return await client.ListSenderCategoriesAsync(timeout.Token);
        }
        catch (Exception)
        {
            // Whatever stops the read (API error, timeout, a client that cannot list categories), preview goes on
            // without this check: the API still refuses an unknown triple at create time.
            return null;
        }
    }

    // Secret codes are checked like the others but never quoted: only plain known strings take part.
    private static string? Code(PreviewRequest<SenderInputs> request, string key, string? value) =>
        request.Facts.IsPlain(key) && value is { Length: > 0 } ? value.Trim() : null;
}
