using System.Text.Json.Serialization;

namespace Kakao.Provisioning.Models;

/// <summary>
/// The language of a template (<c>KakaotalkInputTemplateLanguagesEnum</c>); fixed once the template exists. Values the API adds later pass through as data.
/// </summary>
[JsonConverter(typeof(ExtensibleEnumJsonConverter<TemplateLanguage>))]
public readonly struct TemplateLanguage : IExtensibleEnum<TemplateLanguage>
{
    private const string KoreanValue = "KO";
    private const string EnglishValue = "EN";
    private const string JapaneseValue = "JA";
    private const string ChineseSimplifiedValue = "ZH_CN";
    private const string ChineseTraditionalValue = "ZH_TW";
    private readonly string? _value;

    /// <summary>Creates a value from its wire text (known or not).</summary>
    /// <param name="value">The text the API uses, e.g. <c>KO</c>.</param>
    public TemplateLanguage(string value) => _value = value ?? throw new ArgumentNullException(nameof(value));

    /// <summary><c>KO</c>: Korean.</summary>
    public static TemplateLanguage Korean { get; } = new(KoreanValue);

    /// <summary><c>EN</c>: English.</summary>
    public static TemplateLanguage English { get; } = new(EnglishValue);

    /// <summary><c>JA</c>: Japanese.</summary>
    public static TemplateLanguage Japanese { get; } = new(JapaneseValue);

    /// <summary><c>ZH_CN</c>: Chinese (simplified).</summary>
    public static TemplateLanguage ChineseSimplified { get; } = new(ChineseSimplifiedValue);

    /// <summary><c>ZH_TW</c>: Chinese (traditional, Taiwan).</summary>
    public static TemplateLanguage ChineseTraditional { get; } = new(ChineseTraditionalValue);

    /// <summary>
    /// Every language the API accepts when a template is created (71 codes); any other answers 400
    /// <c>template_invalid_language_code</c>.
    /// </summary>
    public static IReadOnlyList<TemplateLanguage> Supported { get; } = Array.ConvertAll<string, TemplateLanguage>(
    [
        "AF", "AR", "AZ", "BG", "BN", "CA", "CS", "DA", "DE", "EL", "EN", "EN_GB",
        "EN_US", "ES", "ES_AR", "ES_ES", "ES_MX", "ET", "FA", "FI", "FIL", "FR", "GA", "GU",
        "HA", "HE", "HI", "HR", "HU", "ID", "IT", "JA", "KA", "KK", "KN", "KO",
        "KY_KG", "LO", "LT", "LV", "MK", "ML", "MR", "MS", "NB", "NL", "PA", "PL",
        "PT_BR", "PT_PT", "RO", "RU", "RW_RW", "SK", "SL", "SQ", "SR", "SV", "SW", "TA",
        "TE", "TH", "TR", "UK", "UR", "UZ", "VI", "ZH_CN", "ZH_HK", "ZH_TW", "ZU",
    ], value => new TemplateLanguage(value));

    /// <summary>True when the API accepts this language for a new template (spelled exactly, upper case).</summary>
    public bool IsSupported
    {
        get
        {
            var value = Value;
            return Supported.Any(language => string.Equals(language.Value, value, StringComparison.Ordinal));
        }
    }

    /// <summary>The wire text.</summary>
    public string Value => _value ?? "";

    /// <summary>Converts wire text to a value.</summary>
    /// <param name="value">The text.</param>
    public static implicit operator TemplateLanguage(string value) => new(value);

    /// <summary>True when both carry the same text (case-insensitive, as the Azure SDK compares).</summary>
    /// <param name="left">One value.</param>
    /// <param name="right">The other value.</param>
    public static bool operator ==(TemplateLanguage left, TemplateLanguage right) => left.Equals(right);

    /// <summary>True when the texts differ.</summary>
    /// <param name="left">One value.</param>
    /// <param name="right">The other value.</param>
    public static bool operator !=(TemplateLanguage left, TemplateLanguage right) => !left.Equals(right);

    /// <inheritdoc />
    public static TemplateLanguage FromValue(string value) => new(value);

    /// <inheritdoc />
    public bool Equals(TemplateLanguage other) => string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is TemplateLanguage other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(Value);

    /// <inheritdoc />
    public override string ToString() => Value;
}
