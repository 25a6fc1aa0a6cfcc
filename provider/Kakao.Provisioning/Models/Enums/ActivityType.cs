using System.Text.Json.Serialization;

namespace Kakao.Provisioning.Models;

/// <summary>
/// The type of a sender or template activity (<c>KakaotalkSenderNotificationTypeEnum</c>, <c>KakaotalkTemplateNotificationTypeEnum</c>). Values the API adds later pass through as data.
/// </summary>
[JsonConverter(typeof(ExtensibleEnumJsonConverter<ActivityType>))]
public readonly struct ActivityType : IExtensibleEnum<ActivityType>
{
    private const string ActiveValue = "ACTIVE";
    private const string CommentAddedValue = "COMMENT_ADDED";
    private const string CreatedValue = "CREATED";
    private const string DraftValue = "DRAFT";
    private const string EditedValue = "EDITED";
    private const string InProgressValue = "IN_PROGRESS";
    private const string InactiveValue = "INACTIVE";
    private const string RejectedValue = "REJECTED";
    private readonly string? _value;

    /// <summary>Creates a value from its wire text (known or not).</summary>
    /// <param name="value">The text the API uses, e.g. <c>ACTIVE</c>.</param>
    public ActivityType(string value) => _value = value ?? throw new ArgumentNullException(nameof(value));

    /// <summary><c>ACTIVE</c>: The sender became active (senders only).</summary>
    public static ActivityType Active { get; } = new(ActiveValue);

    /// <summary><c>COMMENT_ADDED</c>: A comment was added (rejection reasons and reviewer questions arrive this way).</summary>
    public static ActivityType CommentAdded { get; } = new(CommentAddedValue);

    /// <summary><c>CREATED</c>: The sender or template was created.</summary>
    public static ActivityType Created { get; } = new(CreatedValue);

    /// <summary><c>DRAFT</c>: A draft was saved.</summary>
    public static ActivityType Draft { get; } = new(DraftValue);

    /// <summary><c>EDITED</c>: The sender or template was edited.</summary>
    public static ActivityType Edited { get; } = new(EditedValue);

    /// <summary><c>IN_PROGRESS</c>: Submitted for review.</summary>
    public static ActivityType InProgress { get; } = new(InProgressValue);

    /// <summary><c>INACTIVE</c>: Approved or deactivated: the sender is inactive (senders only).</summary>
    public static ActivityType Inactive { get; } = new(InactiveValue);

    /// <summary><c>REJECTED</c>: Review rejected the submission.</summary>
    public static ActivityType Rejected { get; } = new(RejectedValue);

    /// <summary>The wire text.</summary>
    public string Value => _value ?? "";

    /// <summary>Converts wire text to a value.</summary>
    /// <param name="value">The text.</param>
    public static implicit operator ActivityType(string value) => new(value);

    /// <summary>True when both carry the same text (case-insensitive, as the Azure SDK compares).</summary>
    /// <param name="left">One value.</param>
    /// <param name="right">The other value.</param>
    public static bool operator ==(ActivityType left, ActivityType right) => left.Equals(right);

    /// <summary>True when the texts differ.</summary>
    /// <param name="left">One value.</param>
    /// <param name="right">The other value.</param>
    public static bool operator !=(ActivityType left, ActivityType right) => !left.Equals(right);

    /// <inheritdoc />
    public static ActivityType FromValue(string value) => new(value);

    /// <inheritdoc />
    public bool Equals(ActivityType other) => string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ActivityType other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(Value);

    /// <inheritdoc />
    public override string ToString() => Value;
}
