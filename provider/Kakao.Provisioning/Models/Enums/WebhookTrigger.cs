using System.Text.Json.Serialization;

namespace Kakao.Provisioning.Models;

/// <summary>
/// An event a webhook subscribes to (the KakaoTalk values of the API's trigger enum; others pass through as data). Values the API adds later pass through as data.
/// </summary>
[JsonConverter(typeof(ExtensibleEnumJsonConverter<WebhookTrigger>))]
public readonly struct WebhookTrigger : IExtensibleEnum<WebhookTrigger>
{
    private const string AllValue = "ALL";
    private const string SenderActiveValue = "KAKAOTALK_SENDER_ACTIVE";
    private const string SenderInactiveValue = "KAKAOTALK_SENDER_INACTIVE";
    private const string SenderRejectedValue = "KAKAOTALK_SENDER_REJECTED";
    private const string SenderCommentAddedValue = "KAKAOTALK_SENDER_COMMENT_ADDED";
    private const string TemplateApprovedValue = "KAKAOTALK_TEMPLATE_APPROVED";
    private const string TemplateRejectedValue = "KAKAOTALK_TEMPLATE_REJECTED";
    private const string TemplateCommentAddedValue = "KAKAOTALK_TEMPLATE_COMMENT_ADDED";
    private readonly string? _value;

    /// <summary>Creates a value from its wire text (known or not).</summary>
    /// <param name="value">The text the API uses, e.g. <c>ALL</c>.</param>
    public WebhookTrigger(string value) => _value = value ?? throw new ArgumentNullException(nameof(value));

    /// <summary><c>ALL</c>: Every event of the project.</summary>
    public static WebhookTrigger All { get; } = new(AllValue);

    /// <summary><c>KAKAOTALK_SENDER_ACTIVE</c>: A sender became ACTIVE.</summary>
    public static WebhookTrigger SenderActive { get; } = new(SenderActiveValue);

    /// <summary><c>KAKAOTALK_SENDER_INACTIVE</c>: A sender became INACTIVE (for a new sender: approved, awaiting verification).</summary>
    public static WebhookTrigger SenderInactive { get; } = new(SenderInactiveValue);

    /// <summary><c>KAKAOTALK_SENDER_REJECTED</c>: A sender's submission was rejected.</summary>
    public static WebhookTrigger SenderRejected { get; } = new(SenderRejectedValue);

    /// <summary><c>KAKAOTALK_SENDER_COMMENT_ADDED</c>: A comment was added to a sender.</summary>
    public static WebhookTrigger SenderCommentAdded { get; } = new(SenderCommentAddedValue);

    /// <summary><c>KAKAOTALK_TEMPLATE_APPROVED</c>: A template was approved.</summary>
    public static WebhookTrigger TemplateApproved { get; } = new(TemplateApprovedValue);

    /// <summary><c>KAKAOTALK_TEMPLATE_REJECTED</c>: A template was rejected.</summary>
    public static WebhookTrigger TemplateRejected { get; } = new(TemplateRejectedValue);

    /// <summary><c>KAKAOTALK_TEMPLATE_COMMENT_ADDED</c>: A comment was added to a template.</summary>
    public static WebhookTrigger TemplateCommentAdded { get; } = new(TemplateCommentAddedValue);

    /// <summary>The wire text.</summary>
    public string Value => _value ?? "";

    /// <summary>Converts wire text to a value.</summary>
    /// <param name="value">The text.</param>
    public static implicit operator WebhookTrigger(string value) => new(value);

    /// <summary>True when both carry the same text (case-insensitive, as the Azure SDK compares).</summary>
    /// <param name="left">One value.</param>
    /// <param name="right">The other value.</param>
    public static bool operator ==(WebhookTrigger left, WebhookTrigger right) => left.Equals(right);

    /// <summary>True when the texts differ.</summary>
    /// <param name="left">One value.</param>
    /// <param name="right">The other value.</param>
    public static bool operator !=(WebhookTrigger left, WebhookTrigger right) => !left.Equals(right);

    /// <inheritdoc />
    public static WebhookTrigger FromValue(string value) => new(value);

    /// <inheritdoc />
    public bool Equals(WebhookTrigger other) => string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is WebhookTrigger other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(Value);

    /// <inheritdoc />
    public override string ToString() => Value;
}
