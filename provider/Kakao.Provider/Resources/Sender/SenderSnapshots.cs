using System.Globalization;
using Kakao.Provisioning.Models;

namespace Kakao.Provider.Resources.Sender;

/// <summary>
/// What a sender read from the API means as Pulumi inputs and outputs. The details shown are the pending
/// submission where there is one (that is what the user last asked for), else the approved details; inputs are
/// normalised exactly as Check does, so an imported sender shows no diff.
/// </summary>
internal static class SenderSnapshots
{
    /// <param name="snapshot">The sender and its activities.</param>
    /// <param name="projectId">The project it lives in.</param>
    /// <param name="projectOverride">The resource's projectId input, if it had one.</param>
    public static (SenderInputs Inputs, SenderOutputs Outputs) Read(SenderSnapshot snapshot, string projectId, string? projectOverride)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var sender = snapshot.Sender;
        var pending = sender.Changes?.Details;
        var approved = sender.Details;
        var inputs = new SenderInputs
        {
            PlusFriendId = Normalized(SenderInputs.WireNames.PlusFriendId, sender.PlusFriendId)!,
            ProjectId = Normalized(SenderInputs.WireNames.ProjectId, projectOverride),
            AdminPhoneNo = Normalized(SenderInputs.WireNames.AdminPhoneNo, pending?.AdminPhoneNo ?? approved?.AdminPhoneNo ?? "")!,
            // The API may leave a detail out; it is then absent from state, as it was in the API's answer.
            Name = Normalized(SenderInputs.WireNames.Name, pending?.Name ?? approved?.Name)!,
            TopLevelCategoryCode = Normalized(SenderInputs.WireNames.TopLevelCategoryCode, pending?.TopLevelCategoryCode ?? approved?.TopLevelCategoryCode)!,
            MidLevelCategoryCode = Normalized(SenderInputs.WireNames.MidLevelCategoryCode, pending?.MidLevelCategoryCode ?? approved?.MidLevelCategoryCode)!,
            SubLevelCategoryCode = Normalized(SenderInputs.WireNames.SubLevelCategoryCode, pending?.SubLevelCategoryCode ?? approved?.SubLevelCategoryCode)!,
            LogoImage = Normalized(SenderInputs.WireNames.LogoImage, pending?.LogoImage ?? approved?.LogoImage),
            Submit = sender.Changes?.Status != Kakao.Provisioning.Models.ChangesStatus.Draft,
        };

        var outputs = new SenderOutputs(inputs, snapshot.Status.Value)
        {
            ProjectId = projectId,
            SenderId = sender.Id,
            State = sender.State?.Value,
            ChangesStatus = sender.Changes?.Status.Value,
            RejectionComment = snapshot.RejectionComment,
            Created = Format(sender.Created),
            Modified = Format(sender.Modified),
        };
        return (inputs, outputs);
    }

    /// <summary>The outputs of a sender whose create outcome is not known yet (until a refresh).</summary>
    public static SenderOutputs Unconfirmed(SenderInputs inputs, string projectId) => new(inputs, UnknownStatus) { ProjectId = projectId };

    /// <summary>The status recorded for a sender whose create outcome is not known yet.</summary>
    internal const string UnknownStatus = "UNKNOWN";

    /// <summary>The details to send to the API.</summary>
    public static SenderDetails ToDetails(SenderInputs inputs) => new()
    {
        AdminPhoneNo = inputs.AdminPhoneNo,
        Name = inputs.Name,
        TopLevelCategoryCode = inputs.TopLevelCategoryCode,
        MidLevelCategoryCode = inputs.MidLevelCategoryCode,
        SubLevelCategoryCode = inputs.SubLevelCategoryCode,
        LogoImage = inputs.LogoImage,
    };

    /// <summary>Submit or keep a draft.</summary>
    public static SubmitAction Action(SenderInputs inputs) => inputs.Submit ? SubmitAction.Submit : SubmitAction.Draft;

    // As Check normalises it; a value Check would refuse is kept as the API has it.
    private static string? Normalized(string property, string? value)
    {
        if (value is null)
        {
            return null;
        }

        return SenderInputRules.Normalize(property, value, out _) ?? value;
    }

    private static string? Format(DateTimeOffset? time) =>
        time?.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);
}
