using System.Globalization;
using Kakao.Provider.Model;
using Kakao.Provisioning.Models;

namespace Kakao.Provider.Resources.Sender;

/// <summary>
/// The outputs of a sender: its inputs as the service holds them plus what the service computes. Secret
/// inputs stay secret in the outputs; the admin phone number always is.
/// </summary>
internal sealed record SenderState
{
    /// <summary>The inputs as the service holds them.</summary>
    public required SenderArgs Args { get; init; }

    /// <summary>The project the sender lives in (the override or the provider's project).</summary>
    public required string ProjectId { get; init; }

    public string? SenderId { get; init; }

    /// <summary>The lifecycle phase (DRAFT, IN_PROGRESS, REJECTED, PENDING_VERIFICATION, VERIFYING, ACTIVE, ...).</summary>
    public required string Status { get; init; }

    public string? State { get; init; }

    public string? ChangesStatus { get; init; }

    public string? RejectionComment { get; init; }

    public DateTimeOffset? Created { get; init; }

    public DateTimeOffset? Modified { get; init; }

    /// <summary>
    /// Builds the state from what the API returned. The details shown are the pending submission where there is
    /// one (that is what the user last asked for), else the approved details.
    /// </summary>
    /// <param name="snapshot">The sender and its activities.</param>
    /// <param name="projectId">The effective project.</param>
    /// <param name="projectOverride">The resource's projectId input, if it had one.</param>
    /// <param name="secretInputs">Inputs the user marked secret.</param>
    public static SenderState FromSnapshot(SenderSnapshot snapshot, string projectId, string? projectOverride, IReadOnlySet<string>? secretInputs = null)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var sender = snapshot.Sender;
        var pending = sender.Changes?.Details;
        var approved = sender.Details;
        var inputs = new PropertyMapBuilder()
            .SetString(SenderProperties.PlusFriendId, sender.PlusFriendId)
            .SetString(SenderProperties.ProjectId, projectOverride)
            .SetString(SenderProperties.AdminPhoneNo, pending?.AdminPhoneNo ?? approved?.AdminPhoneNo ?? "")
            .SetString(SenderProperties.Name, pending?.Name ?? approved?.Name)
            .SetString(SenderProperties.TopLevelCategoryCode, pending?.TopLevelCategoryCode ?? approved?.TopLevelCategoryCode)
            .SetString(SenderProperties.MidLevelCategoryCode, pending?.MidLevelCategoryCode ?? approved?.MidLevelCategoryCode)
            .SetString(SenderProperties.SubLevelCategoryCode, pending?.SubLevelCategoryCode ?? approved?.SubLevelCategoryCode)
            .SetString(SenderProperties.LogoImage, pending?.LogoImage ?? approved?.LogoImage)
            .Set(SenderProperties.Submit, PropertyValue.Create(sender.Changes?.Status != Kakao.Provisioning.Models.ChangesStatus.Draft))
            .Build();

        var args = SenderArgs.FromInputs(SenderCheck.Normalize(inputs));
        return new SenderState
        {
            Args = args with { SecretInputs = secretInputs ?? args.SecretInputs },
            ProjectId = projectId,
            SenderId = sender.Id,
            Status = snapshot.Status.Value,
            State = sender.State?.Value,
            ChangesStatus = sender.Changes?.Status.Value,
            RejectionComment = snapshot.RejectionComment,
            Created = sender.Created,
            Modified = sender.Modified,
        };
    }

    /// <summary>The outputs to store: inputs (secrets wrapped, projectId resolved) plus computed values.</summary>
    public PropertyMap ToOutputs()
    {
        var builder = new PropertyMapBuilder();
        Args.WriteTo(builder);
        builder
            .SetString(SenderProperties.ProjectId, ProjectId, Args.IsSecret(SenderProperties.ProjectId))
            .SetString(SenderProperties.SenderId, SenderId)
            .SetString(SenderProperties.Status, Status)
            .SetString(SenderProperties.State, State)
            .SetString(SenderProperties.ChangesStatus, ChangesStatus)
            .SetString(SenderProperties.RejectionComment, RejectionComment)
            .SetString(SenderProperties.Created, Format(Created))
            .SetString(SenderProperties.Modified, Format(Modified));
        return builder.Build();
    }

    /// <summary>The inputs that reproduce this sender (what Read returns, normalised exactly as Check).</summary>
    public PropertyMap ToInputs() => Args.ToInputs();

    private static string? Format(DateTimeOffset? time) =>
        time?.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);
}
