using System.Diagnostics.CodeAnalysis;
using Kakao.Provider.Typed;

namespace Kakao.Provider.Resources.Sender;

/// <summary>
/// The outputs of a sender: its inputs as the service holds them (<see cref="SenderInputs.ProjectId"/> resolved
/// to the project it lives in) plus what the service computes. Not the API's live sender state
/// (<c>Kakao.Provisioning.Models.SenderState</c>): these are what Pulumi stores.
/// </summary>
internal partial record SenderOutputs : SenderInputs
{
    public SenderOutputs()
    {
    }

    /// <summary>Outputs that start from <paramref name="inputs"/>.</summary>
    [SetsRequiredMembers]
    public SenderOutputs(SenderInputs inputs, string status)
        : base(inputs) => Status = status;

    [Property("Sinch's identifier of the sender (a UUID).", Example = "\"0b6c2f34-8d0e-4f4b-9a51-1f2e3d4c5b6a\"", Stable = true)]
    public string? SenderId { get; init; }

    [Property("The sender's lifecycle phase: `DRAFT`, `IN_PROGRESS` (in review), `REJECTED` (see `rejectionComment`), `PENDING_VERIFICATION` (approved; verify with the one-time code), `VERIFYING`, `ACTIVE`, `INACTIVE`, `BLOCKED`, `SUSPENDED`, or a value the API adds later. Review happens outside Pulumi: run `pulumi refresh` to see it change.", Example = "\"IN_PROGRESS\"")]
    public required string Status { get; init; }

    [Property("The live state as the API reports it: `ACTIVE`, `BLOCKED`, `INACTIVE`, `SUSPENDED` or `VERIFYING`; absent while the first submission is in review.", Example = "\"INACTIVE\"")]
    public string? State { get; init; }

    [Property("The status of the pending submission, if any: `DRAFT`, `IN_PROGRESS` or `REJECTED`.", Example = "\"IN_PROGRESS\"")]
    public string? ChangesStatus { get; init; }

    [Property("Why review rejected the latest submission (from the sender's activities); absent unless rejected.", Example = "\"The logo does not match the channel.\"")]
    public string? RejectionComment { get; init; }

    [Property("When the sender was created (UTC, ISO 8601).", Example = "\"2026-01-31T09:30:00Z\"", Stable = true)]
    public string? Created { get; init; }

    [Property("When the sender was last modified (UTC, ISO 8601).", Example = "\"2026-02-01T10:00:00Z\"")]
    public string? Modified { get; init; }
}
