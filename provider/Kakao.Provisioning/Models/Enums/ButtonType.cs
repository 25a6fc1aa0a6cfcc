using System.Text.Json.Serialization;

namespace Kakao.Provisioning.Models;

/// <summary>
/// The type of a template button (<c>KakaotalkKakaoTalkButtonTypeEnum</c>). Values the API adds later pass through as data.
/// </summary>
[JsonConverter(typeof(ExtensibleEnumJsonConverter<ButtonType>))]
public readonly struct ButtonType : IExtensibleEnum<ButtonType>
{
    private const string WebLinkValue = "WEB_LINK";
    private const string AppLinkValue = "APP_LINK";
    private const string DeliverySearchValue = "DELIVERY_SEARCH";
    private const string BotKeywordValue = "BOT_KEYWORD";
    private const string MessageDeliveryValue = "MESSAGE_DELIVERY";
    private const string BotForConsultationValue = "BOT_FOR_CONSULTATION";
    private const string BotTransferValue = "BOT_TRANSFER";
    private const string ChannelIdAddedValue = "CHANNEL_ID_ADDED";
    private const string BusinessFormValue = "BUSINESS_FORM";
    private const string ImageSecureTransmissionPluginIdValue = "IMAGE_SECURE_TRANSMISSION_PLUGIN_ID";
    private const string PersonalInformationUsePluginIdValue = "PERSONAL_INFORMATION_USE_PLUGIN_ID";
    private const string OneClickPaymentPluginValue = "ONE_CLICK_PAYMENT_PLUGIN";
    private const string UnspecifiedValue = "BUTTON_TYPE_UNSPECIFIED";
    private const string UnrecognizedValue = "UNRECOGNIZED";
    private readonly string? _value;

    /// <summary>Creates a value from its wire text (known or not).</summary>
    /// <param name="value">The text the API uses, e.g. <c>WEB_LINK</c>.</param>
    public ButtonType(string value) => _value = value ?? throw new ArgumentNullException(nameof(value));

    /// <summary><c>WEB_LINK</c>: Opens a web page; needs <c>linkMo</c> (<c>linkPc</c> optional).</summary>
    public static ButtonType WebLink { get; } = new(WebLinkValue);

    /// <summary><c>APP_LINK</c>: Opens an app; needs <c>schemeIos</c> and <c>schemeAndroid</c>.</summary>
    public static ButtonType AppLink { get; } = new(AppLinkValue);

    /// <summary><c>DELIVERY_SEARCH</c>: Shows delivery tracking.</summary>
    public static ButtonType DeliverySearch { get; } = new(DeliverySearchValue);

    /// <summary><c>BOT_KEYWORD</c>: Sends a keyword to the channel's bot.</summary>
    public static ButtonType BotKeyword { get; } = new(BotKeywordValue);

    /// <summary><c>MESSAGE_DELIVERY</c>: Forwards the message to the channel's chat.</summary>
    public static ButtonType MessageDelivery { get; } = new(MessageDeliveryValue);

    /// <summary><c>BOT_FOR_CONSULTATION</c>: Starts a consultation chat.</summary>
    public static ButtonType BotForConsultation { get; } = new(BotForConsultationValue);

    /// <summary><c>BOT_TRANSFER</c>: Switches to the bot.</summary>
    public static ButtonType BotTransfer { get; } = new(BotTransferValue);

    /// <summary><c>CHANNEL_ID_ADDED</c>: Adds the channel; must be the first button of AD_INCLUDED and MIXED templates.</summary>
    public static ButtonType ChannelIdAdded { get; } = new(ChannelIdAddedValue);

    /// <summary><c>BUSINESS_FORM</c>: Opens a business form.</summary>
    public static ButtonType BusinessForm { get; } = new(BusinessFormValue);

    /// <summary><c>IMAGE_SECURE_TRANSMISSION_PLUGIN_ID</c>: The secure image transmission plugin.</summary>
    public static ButtonType ImageSecureTransmissionPluginId { get; } = new(ImageSecureTransmissionPluginIdValue);

    /// <summary><c>PERSONAL_INFORMATION_USE_PLUGIN_ID</c>: The personal information use plugin.</summary>
    public static ButtonType PersonalInformationUsePluginId { get; } = new(PersonalInformationUsePluginIdValue);

    /// <summary><c>ONE_CLICK_PAYMENT_PLUGIN</c>: The one-click payment plugin.</summary>
    public static ButtonType OneClickPaymentPlugin { get; } = new(OneClickPaymentPluginValue);

    /// <summary><c>BUTTON_TYPE_UNSPECIFIED</c>: Returned by the API only; never accepted as input.</summary>
    public static ButtonType Unspecified { get; } = new(UnspecifiedValue);

    /// <summary><c>UNRECOGNIZED</c>: Returned by the API only; never accepted as input.</summary>
    public static ButtonType Unrecognized { get; } = new(UnrecognizedValue);

    /// <summary>The wire text.</summary>
    public string Value => _value ?? "";

    /// <summary>Converts wire text to a value.</summary>
    /// <param name="value">The text.</param>
    public static implicit operator ButtonType(string value) => new(value);

    /// <summary>True when both carry the same text (case-insensitive, as the Azure SDK compares).</summary>
    /// <param name="left">One value.</param>
    /// <param name="right">The other value.</param>
    public static bool operator ==(ButtonType left, ButtonType right) => left.Equals(right);

    /// <summary>True when the texts differ.</summary>
    /// <param name="left">One value.</param>
    /// <param name="right">The other value.</param>
    public static bool operator !=(ButtonType left, ButtonType right) => !left.Equals(right);

    /// <inheritdoc />
    public static ButtonType FromValue(string value) => new(value);

    /// <inheritdoc />
    public bool Equals(ButtonType other) => string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ButtonType other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(Value);

    /// <inheritdoc />
    public override string ToString() => Value;
}
