using System.Text.Json.Serialization;

namespace Kakao.Provisioning.Models;

/// <summary>
/// The status of pending changes of a sender or a template (<c>KakaotalkSenderStatusesEnum</c>, <c>KakaotalkTemplateStatusesEnum</c>). Values the API adds later pass through as data.
/// </summary>
[JsonConverter(typeof(ExtensibleEnumJsonConverter<ChangesStatus>))]
public readonly struct ChangesStatus : IExtensibleEnum<ChangesStatus>
{
    private const string DraftValue = "DRAFT";
    private const string InProgressValue = "IN_PROGRESS";
    private const string RejectedValue = "REJECTED";
    private readonly string? _value;

    /// <summary>Creates a value from its wire text (known or not).</summary>
    /// <param name="value">The text the API uses, e.g. <c>DRAFT</c>.</param>
    public ChangesStatus(string value) => _value = value ?? throw new ArgumentNullException(nameof(value));

    /// <summary><c>DRAFT</c>: Saved, not submitted for review.</summary>
    public static ChangesStatus Draft { get; } = new(DraftValue);

    /// <summary><c>IN_PROGRESS</c>: Submitted and under review (for templates: Kakao's inspection).</summary>
    public static ChangesStatus InProgress { get; } = new(InProgressValue);

    /// <summary><c>REJECTED</c>: Rejected by review; the reason is a comment in the activities.</summary>
    public static ChangesStatus Rejected { get; } = new(RejectedValue);

    /// <summary>The wire text.</summary>
    public string Value => _value ?? "";

    /// <summary>Converts wire text to a value.</summary>
    /// <param name="value">The text.</param>
    public static implicit operator ChangesStatus(string value) => new(value);

    /// <summary>True when both carry the same text (case-insensitive, as the Azure SDK compares).</summary>
    /// <param name="left">One value.</param>
    /// <param name="right">The other value.</param>
    public static bool operator ==(ChangesStatus left, ChangesStatus right) => left.Equals(right);

    /// <summary>True when the texts differ.</summary>
    /// <param name="left">One value.</param>
    /// <param name="right">The other value.</param>
    public static bool operator !=(ChangesStatus left, ChangesStatus right) => !left.Equals(right);

    /// <inheritdoc />
    public static ChangesStatus FromValue(string value) => new(value);

    /// <inheritdoc />
    public bool Equals(ChangesStatus other) => string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ChangesStatus other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(Value);

    /// <inheritdoc />
    public override string ToString() => Value;
}
