using System.Text.Json.Serialization;

namespace Kakao.Provisioning.Models;

/// <summary>
/// The inspection result of a template (<c>KakaotalkTemplateStatesEnum</c>); absent until Kakao's first decision. Values the API adds later pass through as data.
/// </summary>
[JsonConverter(typeof(ExtensibleEnumJsonConverter<TemplateState>))]
public readonly struct TemplateState : IExtensibleEnum<TemplateState>
{
    private const string ApprovedValue = "APPROVED";
    private const string RejectedValue = "REJECTED";
    private readonly string? _value;

    /// <summary>Creates a value from its wire text (known or not).</summary>
    /// <param name="value">The text the API uses, e.g. <c>APPROVED</c>.</param>
    public TemplateState(string value) => _value = value ?? throw new ArgumentNullException(nameof(value));

    /// <summary><c>APPROVED</c>: Approved by Kakao: the template can be used to send messages.</summary>
    public static TemplateState Approved { get; } = new(ApprovedValue);

    /// <summary><c>REJECTED</c>: Rejected by Kakao: it cannot be used; edit and resubmit.</summary>
    public static TemplateState Rejected { get; } = new(RejectedValue);

    /// <summary>The wire text.</summary>
    public string Value => _value ?? "";

    /// <summary>Converts wire text to a value.</summary>
    /// <param name="value">The text.</param>
    public static implicit operator TemplateState(string value) => new(value);

    /// <summary>True when both carry the same text (case-insensitive, as the Azure SDK compares).</summary>
    /// <param name="left">One value.</param>
    /// <param name="right">The other value.</param>
    public static bool operator ==(TemplateState left, TemplateState right) => left.Equals(right);

    /// <summary>True when the texts differ.</summary>
    /// <param name="left">One value.</param>
    /// <param name="right">The other value.</param>
    public static bool operator !=(TemplateState left, TemplateState right) => !left.Equals(right);

    /// <inheritdoc />
    public static TemplateState FromValue(string value) => new(value);

    /// <inheritdoc />
    public bool Equals(TemplateState other) => string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is TemplateState other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(Value);

    /// <inheritdoc />
    public override string ToString() => Value;
}
