using Kakao.Provider.Configuration;
using Kakao.Provider.Models;
using Kakao.Provider.Resources.Sender;
using Kakao.Provider.Typed;

namespace Kakao.Provider.Functions;

/// <summary>
/// <c>kakao:index:getSender</c>: a sender's current outputs (status, state, details) by plusFriendId, with
/// <c>exists: true</c>. The engine runs invokes during previews as well (YAML as soon as the arguments are
/// known, and a planned sender's echoed plusFriendId counts as known), and an invoke can answer no unknowns:
/// so in a preview a sender that does not exist yet — one the same program is about to create — answers
/// <c>exists: false</c> with only the arguments, instead of failing the preview. Outside a preview a missing
/// sender is an error.
/// </summary>
[Function("kakao:index:getSender", Description = SenderDocs.GetSender, RequiredOutputs = ["plusFriendId", "projectId", "exists"])]
internal sealed partial class GetSenderFunction(ConfiguredClients clients) : IFunction<GetSenderArgs, GetSenderResult>, ICheckArgs<GetSenderArgs>
{
    private const string PlusFriendId = GetSenderArgs.WireNames.PlusFriendId;
    private const string ProjectId = GetSenderArgs.WireNames.ProjectId;

    /// <summary>The output that says whether the sender was found.</summary>
    public const string Exists = GetSenderResult.WireNames.Exists;

    private static readonly IReadOnlySet<string> PreviewAnswer = new HashSet<string>(StringComparer.Ordinal) { PlusFriendId, ProjectId, Exists };

    /// <summary>Validates the arguments; failures name the property.</summary>
    public IReadOnlyList<CheckFailure> CheckArgs(InvokeRequest<GetSenderArgs> request) => FunctionArgChecks.Check(
        request.Facts,
        "a sender",
        new(PlusFriendId, request.Args.PlusFriendId, Required: true, SenderRule),
        new(ProjectId, request.Args.ProjectId, Required: false, SenderRule));

    // The sender resource's own rules for these values (trimmed, bounded, one path segment).
    private static string? SenderRule(string name, string value) =>
        SenderInputRules.Normalize(name, value, out var reason) is null ? reason : null;

    public async Task<FunctionResult<GetSenderResult>> InvokeAsync(InvokeRequest<GetSenderArgs> request, CancellationToken cancellationToken)
    {
        var plusFriendId = request.Args.PlusFriendId.Trim();
        var client = clients.GetClient(request.Args.ProjectId);
        bool idSecret = request.Facts.Secrets.Contains(PlusFriendId), projectSecret = request.Facts.Secrets.Contains(ProjectId);
        // A projectId the program marked secret is not quoted back in the message.
        var project = projectSecret ? "the given project" : $"project {client.ProjectId}";
        var sender = idSecret ? "with the given (secret) plusFriendId" : plusFriendId;
        var snapshot = await client.DescribeSenderAsync(plusFriendId, cancellationToken);
        if (snapshot is null)
        {
            if (!request.Preview)
            {
                throw new ObjectNotFoundException($"No KakaoTalk sender {sender} in {project}.");
            }

            var secrets = new HashSet<string>(StringComparer.Ordinal);
            if (idSecret)
            {
                secrets.Add(PlusFriendId);
            }

            if (projectSecret)
            {
                secrets.Add(ProjectId);
            }

            return new FunctionResult<GetSenderResult>(GetSenderResult.NotYetCreated(plusFriendId, client.ProjectId), secrets, PreviewAnswer);
        }

        var (_, outputs) = SenderSnapshots.Read(snapshot, client.ProjectId, request.Args.ProjectId);
        return new GetSenderResult(outputs, exists: true);
    }
}
