using System.Text.Json.Serialization;

namespace Kakao.Provisioning.Models;

/// <summary>
/// The message type of a template (<c>KakaotalkKakaoTalkTemplateMessageTypeEnum</c>). Values the API adds later pass through as data.
/// </summary>
[JsonConverter(typeof(ExtensibleEnumJsonConverter<TemplateMessageType>))]
public readonly struct TemplateMessageType : IExtensibleEnum<TemplateMessageType>
{
    private const string BasicValue = "BASIC";
    private const string ExtraInformationValue = "EXTRA_INFORMATION";
    private const string AdIncludedValue = "AD_INCLUDED";
    private const string MixedValue = "MIXED";
    private const string UnspecifiedValue = "TEMPLATE_MESSAGE_TYPE_UNSPECIFIED";
    private const string UnrecognizedValue = "UNRECOGNIZED";
    private readonly string? _value;

    /// <summary>Creates a value from its wire text (known or not).</summary>
    /// <param name="value">The text the API uses, e.g. <c>BASIC</c>.</param>
    public TemplateMessageType(string value) => _value = value ?? throw new ArgumentNullException(nameof(value));

    /// <summary><c>BASIC</c>: A plain message (the API's default).</summary>
    public static TemplateMessageType Basic { get; } = new(BasicValue);

    /// <summary><c>EXTRA_INFORMATION</c>: A message with an additional information block (<c>extra</c>).</summary>
    public static TemplateMessageType ExtraInformation { get; } = new(ExtraInformationValue);

    /// <summary><c>AD_INCLUDED</c>: A message with Kakao's fixed channel-add phrase; the CHANNEL_ID_ADDED button comes first.</summary>
    public static TemplateMessageType AdIncluded { get; } = new(AdIncludedValue);

    /// <summary><c>MIXED</c>: Extra information and the channel-add phrase together.</summary>
    public static TemplateMessageType Mixed { get; } = new(MixedValue);

    /// <summary><c>TEMPLATE_MESSAGE_TYPE_UNSPECIFIED</c>: Returned by the API only; never accepted as input.</summary>
    public static TemplateMessageType Unspecified { get; } = new(UnspecifiedValue);

    /// <summary><c>UNRECOGNIZED</c>: Returned by the API only; never accepted as input.</summary>
    public static TemplateMessageType Unrecognized { get; } = new(UnrecognizedValue);

    /// <summary>The wire text.</summary>
    public string Value => _value ?? "";

    /// <summary>Converts wire text to a value.</summary>
    /// <param name="value">The text.</param>
    public static implicit operator TemplateMessageType(string value) => new(value);

    /// <summary>True when both carry the same text (case-insensitive, as the Azure SDK compares).</summary>
    /// <param name="left">One value.</param>
    /// <param name="right">The other value.</param>
    public static bool operator ==(TemplateMessageType left, TemplateMessageType right) => left.Equals(right);

    /// <summary>True when the texts differ.</summary>
    /// <param name="left">One value.</param>
    /// <param name="right">The other value.</param>
    public static bool operator !=(TemplateMessageType left, TemplateMessageType right) => !left.Equals(right);

    /// <inheritdoc />
    public static TemplateMessageType FromValue(string value) => new(value);

    /// <inheritdoc />
    public bool Equals(TemplateMessageType other) => string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is TemplateMessageType other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(Value);

    /// <inheritdoc />
    public override string ToString() => Value;
}
