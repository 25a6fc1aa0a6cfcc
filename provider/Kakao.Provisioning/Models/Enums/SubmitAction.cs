using System.Text.Json.Serialization;

namespace Kakao.Provisioning.Models;

/// <summary>
/// Whether a create or update is submitted for review or kept as a draft (<c>KakaotalkActionsEnum</c>). Values the API adds later pass through as data.
/// </summary>
[JsonConverter(typeof(ExtensibleEnumJsonConverter<SubmitAction>))]
public readonly struct SubmitAction : IExtensibleEnum<SubmitAction>
{
    private const string SubmitValue = "SUBMIT";
    private const string DraftValue = "DRAFT";
    private readonly string? _value;

    /// <summary>Creates a value from its wire text (known or not).</summary>
    /// <param name="value">The text the API uses, e.g. <c>SUBMIT</c>.</param>
    public SubmitAction(string value) => _value = value ?? throw new ArgumentNullException(nameof(value));

    /// <summary><c>SUBMIT</c>: Submit the details for review.</summary>
    public static SubmitAction Submit { get; } = new(SubmitValue);

    /// <summary><c>DRAFT</c>: Only save the details as a draft.</summary>
    public static SubmitAction Draft { get; } = new(DraftValue);

    /// <summary>The wire text.</summary>
    public string Value => _value ?? "";

    /// <summary>Converts wire text to a value.</summary>
    /// <param name="value">The text.</param>
    public static implicit operator SubmitAction(string value) => new(value);

    /// <summary>True when both carry the same text (case-insensitive, as the Azure SDK compares).</summary>
    /// <param name="left">One value.</param>
    /// <param name="right">The other value.</param>
    public static bool operator ==(SubmitAction left, SubmitAction right) => left.Equals(right);

    /// <summary>True when the texts differ.</summary>
    /// <param name="left">One value.</param>
    /// <param name="right">The other value.</param>
    public static bool operator !=(SubmitAction left, SubmitAction right) => !left.Equals(right);

    /// <inheritdoc />
    public static SubmitAction FromValue(string value) => new(value);

    /// <inheritdoc />
    public bool Equals(SubmitAction other) => string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is SubmitAction other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(Value);

    /// <inheritdoc />
    public override string ToString() => Value;
}
