using Kakao.Provider.Configuration;
using Kakao.Provider.Model;
using Kakao.Provider.Provider;
using Kakao.Provider.Resources.Sender;

namespace Kakao.Provider.Functions;

/// <summary><c>kakao:index:getSender</c>: a sender's current outputs (status, state, details) by plusFriendId.</summary>
internal sealed class GetSenderFunction(ProvisioningClientProvider clients)
{
    /// <summary>Validates the arguments; failures name the property.</summary>
    public static IReadOnlyList<CheckFailure> Validate(PropertyMap args)
    {
        var failures = new List<CheckFailure>();
        var id = args.Get(SenderProperties.PlusFriendId)?.Unwrap().Value;
        if (id is null || id.IsNull)
        {
            failures.Add(new(SenderProperties.PlusFriendId, "plusFriendId is required"));
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

    public async Task<PropertyMap> InvokeAsync(PropertyMap args, CancellationToken cancellationToken)
    {
        var plusFriendId = args[SenderProperties.PlusFriendId].Unwrap().Value.StringValue.Trim();
        var projectId = args.Get(SenderProperties.ProjectId)?.Unwrap().Value is { Kind: PropertyValueKind.String } p ? p.StringValue : null;
        var client = clients.GetClient(projectId);
        // A projectId the program marked secret is not quoted back in the message.
        var project = args.Get(SenderProperties.ProjectId)?.IsSecret == true ? "the given project" : $"project {client.ProjectId}";
        var sender = args[SenderProperties.PlusFriendId].IsSecret ? "with the given (secret) plusFriendId" : plusFriendId;
        var snapshot = await client.DescribeSenderAsync(plusFriendId, cancellationToken)
            ?? throw new ObjectNotFoundException($"No KakaoTalk sender {sender} in {project}.");
        return SenderState.FromSnapshot(snapshot, client.ProjectId, projectId).ToOutputs();
    }
}
