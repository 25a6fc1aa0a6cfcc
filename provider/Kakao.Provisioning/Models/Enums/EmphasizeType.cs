using System.Text.Json.Serialization;

namespace Kakao.Provisioning.Models;

/// <summary>
/// How a template's message is emphasised (<c>KakaotalkKakaoTalkTemplateEmphasizeTypeEnum</c>). Values the API adds later pass through as data.
/// </summary>
[JsonConverter(typeof(ExtensibleEnumJsonConverter<EmphasizeType>))]
public readonly struct EmphasizeType : IExtensibleEnum<EmphasizeType>
{
    private const string NoneValue = "EMPHASIZE_TYPE_NONE";
    private const string TextValue = "EMPHASIZE_TYPE_TEXT";
    private const string ImageValue = "EMPHASIZE_TYPE_IMAGE";
    private const string UnspecifiedValue = "EMPHASIZE_TYPE_UNSPECIFIED";
    private const string UnrecognizedValue = "UNRECOGNIZED";
    private readonly string? _value;

    /// <summary>Creates a value from its wire text (known or not).</summary>
    /// <param name="value">The text the API uses, e.g. <c>EMPHASIZE_TYPE_NONE</c>.</param>
    public EmphasizeType(string value) => _value = value ?? throw new ArgumentNullException(nameof(value));

    /// <summary><c>EMPHASIZE_TYPE_NONE</c>: No emphasis (the API's default).</summary>
    public static EmphasizeType None { get; } = new(NoneValue);

    /// <summary><c>EMPHASIZE_TYPE_TEXT</c>: A title and subtitle are shown emphasised; both are required.</summary>
    public static EmphasizeType Text { get; } = new(TextValue);

    /// <summary><c>EMPHASIZE_TYPE_IMAGE</c>: An image is shown; its name and URL are required.</summary>
    public static EmphasizeType Image { get; } = new(ImageValue);

    /// <summary><c>EMPHASIZE_TYPE_UNSPECIFIED</c>: Returned by the API only; never accepted as input.</summary>
    public static EmphasizeType Unspecified { get; } = new(UnspecifiedValue);

    /// <summary><c>UNRECOGNIZED</c>: Returned by the API only; never accepted as input.</summary>
    public static EmphasizeType Unrecognized { get; } = new(UnrecognizedValue);

    /// <summary>The wire text.</summary>
    public string Value => _value ?? "";

    /// <summary>Converts wire text to a value.</summary>
    /// <param name="value">The text.</param>
    public static implicit operator EmphasizeType(string value) => new(value);

    /// <summary>True when both carry the same text (case-insensitive, as the Azure SDK compares).</summary>
    /// <param name="left">One value.</param>
    /// <param name="right">The other value.</param>
    public static bool operator ==(EmphasizeType left, EmphasizeType right) => left.Equals(right);

    /// <summary>True when the texts differ.</summary>
    /// <param name="left">One value.</param>
    /// <param name="right">The other value.</param>
    public static bool operator !=(EmphasizeType left, EmphasizeType right) => !left.Equals(right);

    /// <inheritdoc />
    public static EmphasizeType FromValue(string value) => new(value);

    /// <inheritdoc />
    public bool Equals(EmphasizeType other) => string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is EmphasizeType other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(Value);

    /// <inheritdoc />
    public override string ToString() => Value;
}
