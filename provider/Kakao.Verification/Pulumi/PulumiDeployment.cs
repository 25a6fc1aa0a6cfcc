using System.Text.Json;
using System.Text.Json.Nodes;

namespace Kakao.Verification.Pulumi;

/// <summary>
/// A stack checkpoint as <c>pulumi stack export</c> prints it (<c>{version, deployment: {resources: [...]}}</c>).
/// Only what the driver reads is typed; the rest stays JSON.
/// </summary>
/// <param name="Resources">The deployment's resources in checkpoint order.</param>
public sealed record PulumiDeployment(IReadOnlyList<PulumiResourceState> Resources)
{
    /// <summary>Parses export output; malformed JSON raises <see cref="PulumiCommandException"/>.</summary>
    /// <param name="json">The text printed by <c>pulumi stack export</c>.</param>
    public static PulumiDeployment Parse(string json)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json);
        }
        catch (JsonException ex)
        {
            throw new PulumiCommandException(PulumiErrorKind.UnexpectedOutput, "stack export", -1, $"pulumi stack export printed invalid JSON ({ex.Message}).");
        }

        var resources = root?["deployment"]?["resources"] as JsonArray ?? [];
        var parsed = new List<PulumiResourceState>();
        foreach (var node in resources)
        {
            if (node is not JsonObject resource || Text(resource["urn"]) is not { } urn || Text(resource["type"]) is not { } type)
            {
                continue;
            }

            parsed.Add(new PulumiResourceState(
                urn,
                type,
                Text(resource["id"]),
                resource["inputs"] as JsonObject ?? [],
                resource["outputs"] as JsonObject ?? [],
                Text(resource["provider"]),
                resource["custom"]?.GetValueKind() == JsonValueKind.True));
        }

        return new PulumiDeployment(parsed);
    }

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}

/// <summary>One resource of a checkpoint.</summary>
/// <param name="Urn">The resource URN.</param>
/// <param name="Type">The type token, e.g. <c>kakao:index:KakaoSender</c>.</param>
/// <param name="Id">The provider-assigned id.</param>
/// <param name="Inputs">Recorded inputs (secrets may be wrapped, see <see cref="PulumiSecrets"/>).</param>
/// <param name="Outputs">Recorded outputs.</param>
/// <param name="Provider">Provider reference <c>urn::id</c>, if any.</param>
/// <param name="Custom">True for custom (provider-managed) resources.</param>
public sealed record PulumiResourceState(
    string Urn,
    string Type,
    string? Id,
    JsonObject Inputs,
    JsonObject Outputs,
    string? Provider,
    bool Custom)
{
    /// <summary>The name part of the URN (after the last <c>::</c>).</summary>
    public string Name => Urn[(Urn.LastIndexOf("::", StringComparison.Ordinal) + 2)..];

    /// <summary>Renders the resource by URN only: its properties may hold secrets.</summary>
    public override string ToString() => $"PulumiResourceState {{ Urn = {Urn}, Type = {Type}, Id = {Id} }}";
}
