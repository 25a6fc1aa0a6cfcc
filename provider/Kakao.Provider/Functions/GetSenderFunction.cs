using Kakao.Provider.Configuration;
using Kakao.Provider.Model;
using Kakao.Provider.Provider;
using Kakao.Provider.Resources.Sender;

namespace Kakao.Provider.Functions;

/// <summary>
/// <c>kakao:index:getSender</c>: a sender's current outputs (status, state, details) by plusFriendId, with
/// <c>exists: true</c>. The engine runs invokes during previews as well (YAML as soon as the arguments are
/// known, and a planned sender's echoed plusFriendId counts as known), and an invoke can answer no unknowns:
/// so in a preview a sender that does not exist yet — one the same program is about to create — answers
/// <c>exists: false</c> with only the arguments, instead of failing the preview. Outside a preview a missing
/// sender is an error.
/// </summary>
internal sealed class GetSenderFunction(ConfiguredClients clients)
{
    /// <summary>Validates the arguments; failures name the property.</summary>
    public static IReadOnlyList<CheckFailure> Validate(PropertyMap args)
    {
        var failures = new List<CheckFailure>();
        var id = args.Get(SenderProperties.PlusFriendId)?.Unwrap().Value;
        if (id is null || id.IsNull)
        {
            // The engine drops an argument whose value is unknown, so "missing" may mean "not known yet": say so.
            failures.Add(new(SenderProperties.PlusFriendId,
                "plusFriendId is required (an argument whose value is not known yet, e.g. a new resource's output during a preview, arrives missing)"));
        }
        else if (id.IsComputed)
        {
            failures.Add(new(SenderProperties.PlusFriendId, "plusFriendId must be known to look a sender up"));
        }
        else if (id.Kind != PropertyValueKind.String)
        {
            failures.Add(new(SenderProperties.PlusFriendId, $"plusFriendId must be a string (got a {id.Kind})"));
        }
        else if (SenderInputRules.Normalize(SenderProperties.PlusFriendId, id.StringValue, out var idReason) is null)
        {
            failures.Add(new(SenderProperties.PlusFriendId, idReason!));
        }

        var project = args.Get(SenderProperties.ProjectId)?.Unwrap().Value;
        if (project is { IsNull: false } && project.Kind != PropertyValueKind.String)
        {
            failures.Add(new(SenderProperties.ProjectId, "projectId must be a string"));
        }
        else if (project is { Kind: PropertyValueKind.String } && project.StringValue.Length > 0
            && SenderInputRules.Normalize(SenderProperties.ProjectId, project.StringValue, out var projectReason) is null)
        {
            failures.Add(new(SenderProperties.ProjectId, projectReason!));
        }

        return failures;
    }

    /// <summary>The output that says whether the sender was found.</summary>
    public const string Exists = "exists";

    public Task<PropertyMap> InvokeAsync(PropertyMap args, CancellationToken cancellationToken) => InvokeAsync(args, preview: false, cancellationToken);

    public async Task<PropertyMap> InvokeAsync(PropertyMap args, bool preview, CancellationToken cancellationToken)
    {
        var plusFriendId = args[SenderProperties.PlusFriendId].Unwrap().Value.StringValue.Trim();
        var projectId = args.Get(SenderProperties.ProjectId)?.Unwrap().Value is { Kind: PropertyValueKind.String } p ? p.StringValue : null;
        var client = clients.GetClient(projectId);
        // A projectId the program marked secret is not quoted back in the message.
        var project = args.Get(SenderProperties.ProjectId)?.IsSecret == true ? "the given project" : $"project {client.ProjectId}";
        var sender = args[SenderProperties.PlusFriendId].IsSecret ? "with the given (secret) plusFriendId" : plusFriendId;
        var snapshot = await client.DescribeSenderAsync(plusFriendId, cancellationToken);
        if (snapshot is null)
        {
            return preview
                ? new PropertyMapBuilder()
                    .Set(SenderProperties.PlusFriendId, args[SenderProperties.PlusFriendId].IsSecret ? PropertyValue.Secret(PropertyValue.Create(plusFriendId)) : PropertyValue.Create(plusFriendId))
                    .Set(SenderProperties.ProjectId, args.Get(SenderProperties.ProjectId)?.IsSecret == true ? PropertyValue.Secret(PropertyValue.Create(client.ProjectId)) : PropertyValue.Create(client.ProjectId))
                    .Set(Exists, PropertyValue.Create(false))
                    .Build()
                : throw new ObjectNotFoundException($"No KakaoTalk sender {sender} in {project}.");
        }

        var outputs = SenderState.FromSnapshot(snapshot, client.ProjectId, projectId).ToOutputs();
        var builder = new PropertyMapBuilder();
        foreach (var (key, value) in outputs)
        {
            builder.Set(key, value);
        }

        return builder.Set(Exists, PropertyValue.Create(true)).Build();
    }
}
