using System.Text.Json.Serialization;

namespace Kakao.Provisioning.Models;

/// <summary>
/// The phase of a template's inspection as users think of it, derived by <see cref="TemplateLifecycle"/> from the API's <c>state</c> and <c>changes.status</c>. Values the API adds later pass through as data.
/// </summary>
[JsonConverter(typeof(ExtensibleEnumJsonConverter<TemplateStatus>))]
public readonly struct TemplateStatus : IExtensibleEnum<TemplateStatus>
{
    private const string DraftValue = "DRAFT";
    private const string InProgressValue = "IN_PROGRESS";
    private const string ApprovedValue = "APPROVED";
    private const string ApprovedChangesInProgressValue = "APPROVED_CHANGES_IN_PROGRESS";
    private const string ApprovedChangesRejectedValue = "APPROVED_CHANGES_REJECTED";
    private const string RejectedValue = "REJECTED";
    private readonly string? _value;

    /// <summary>Creates a value from its wire text (known or not).</summary>
    /// <param name="value">The text the API uses, e.g. <c>DRAFT</c>.</param>
    public TemplateStatus(string value) => _value = value ?? throw new ArgumentNullException(nameof(value));

    /// <summary><c>DRAFT</c>: Saved as a draft, never submitted to Kakao.</summary>
    public static TemplateStatus Draft { get; } = new(DraftValue);

    /// <summary><c>IN_PROGRESS</c>: Kakao is inspecting it (a first submission or a resubmission after a rejection); it cannot be edited now.</summary>
    public static TemplateStatus InProgress { get; } = new(InProgressValue);

    /// <summary><c>APPROVED</c>: Approved: it can be used to send messages (a saved draft of edits may be pending).</summary>
    public static TemplateStatus Approved { get; } = new(ApprovedValue);

    /// <summary><c>APPROVED_CHANGES_IN_PROGRESS</c>: Approved and usable; edits of it are being inspected.</summary>
    public static TemplateStatus ApprovedChangesInProgress { get; } = new(ApprovedChangesInProgressValue);

    /// <summary><c>APPROVED_CHANGES_REJECTED</c>: Approved and usable; the latest edits were rejected.</summary>
    public static TemplateStatus ApprovedChangesRejected { get; } = new(ApprovedChangesRejectedValue);

    /// <summary><c>REJECTED</c>: Rejected by Kakao: it cannot be used; edit and resubmit.</summary>
    public static TemplateStatus Rejected { get; } = new(RejectedValue);

    /// <summary>The wire text.</summary>
    public string Value => _value ?? "";

    /// <summary>Converts wire text to a value.</summary>
    /// <param name="value">The text.</param>
    public static implicit operator TemplateStatus(string value) => new(value);

    /// <summary>True when both carry the same text (case-insensitive, as the Azure SDK compares).</summary>
    /// <param name="left">One value.</param>
    /// <param name="right">The other value.</param>
    public static bool operator ==(TemplateStatus left, TemplateStatus right) => left.Equals(right);

    /// <summary>True when the texts differ.</summary>
    /// <param name="left">One value.</param>
    /// <param name="right">The other value.</param>
    public static bool operator !=(TemplateStatus left, TemplateStatus right) => !left.Equals(right);

    /// <inheritdoc />
    public static TemplateStatus FromValue(string value) => new(value);

    /// <inheritdoc />
    public bool Equals(TemplateStatus other) => string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is TemplateStatus other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(Value);

    /// <inheritdoc />
    public override string ToString() => Value;
}
