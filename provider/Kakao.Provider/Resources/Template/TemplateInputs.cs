using Kakao.Provider.Typed;

namespace Kakao.Provider.Resources.Template;

/// <summary>
/// The inputs of <c>kakao:index:KakaoTemplate</c>, one property per line; Sinch's limits and Kakao's rules across
/// properties are <see cref="TemplateRules"/>.
/// </summary>
internal partial record TemplateInputs
{
    [Property("The plusFriendId of the sender the template belongs to (the sender must be `ACTIVE` before its templates can be created). Changing it replaces the template.", Example = "\"@sinch-demo\"", ReplaceOnChanges = true)]
    public required string PlusFriendId { get; init; }

    [Property("The Sinch project of the sender. Defaults to the provider's `kakao:projectId`. Changing it replaces the template.", Example = "\"6bf3a9c2-0d1e-4a5b-9c7d-8e9f0a1b2c3d\"", ReplaceOnChanges = true, OutputRequired = true, OutputDescription = "The Sinch project of the sender (the `projectId` input, or else the provider's `kakao:projectId`).")]
    public string? ProjectId { get; init; }

    [Property("The template's name (1 to 150 characters), unique among the sender's templates.", Example = "\"order-shipped\"", MinLength = 1, MaxLength = 150)]
    public required string Name { get; init; }

    [Property("The template's language, one of the 71 codes Sinch accepts (e.g. `KO`, `EN`, `JA`, `ZH_CN`). It cannot change once the template exists: changing it replaces the template.", Example = "\"KO\"", ReplaceOnChanges = true)]
    public required string Language { get; init; }

    [Property("The message body (1 to 1000 characters). `#{name}` marks a variable that each message fills in (see the `variables` output).", Example = "\"#{customer}님, 주문 #{orderNo}이(가) 발송되었습니다.\"", MinLength = 1, MaxLength = 1000)]
    public required string Content { get; init; }

    [Property("The message type: `BASIC` (the default), `EXTRA_INFORMATION` (needs `extra`), `AD_INCLUDED` (Kakao adds its channel-add phrase; the first button must be `CHANNEL_ID_ADDED`) or `MIXED` (both).", Example = "\"BASIC\"")]
    public TemplateMessageKind? MessageType { get; init; }

    [Property("The emphasis: `EMPHASIZE_TYPE_NONE` (the default), `EMPHASIZE_TYPE_TEXT` (needs `title` and `subtitle`) or `EMPHASIZE_TYPE_IMAGE` (needs `imageName` and `imageUrl`).", Example = "\"EMPHASIZE_TYPE_NONE\"")]
    public TemplateEmphasis? EmphasizeType { get; init; }

    [Property("The template category: 6 digits, from `kakao:index:getTemplateCategories`. Defaults to `999999` (Others), which Kakao inspects with the lowest priority.", Example = "\"001001\"", Default = "999999")]
    public string CategoryCode { get; init; } = "999999";

    [Property("A security (one-time password) template: the text is hidden on every device but the main one.", Example = "false", Default = false)]
    public bool SecurityFlag { get; init; }

    [Property("The additional information block (1 to 500 characters) of `EXTRA_INFORMATION` and `MIXED` templates.", Example = "\"Questions? Call 1588-0000.\"", MinLength = 1, MaxLength = 500)]
    public string? Extra { get; init; }

    [Property("The emphasised title (1 to 50 characters) of `EMPHASIZE_TYPE_TEXT` templates; Android shortens it past 23 characters per line.", Example = "\"Shipped\"", MinLength = 1, MaxLength = 50)]
    public string? Title { get; init; }

    [Property("The emphasised subtitle (1 to 50 characters) of `EMPHASIZE_TYPE_TEXT` templates.", Example = "\"Order #{orderNo}\"", MinLength = 1, MaxLength = 50)]
    public string? Subtitle { get; init; }

    [Property("The name (1 to 250 characters) of the image of `EMPHASIZE_TYPE_IMAGE` templates.", Example = "\"shipped.png\"", MinLength = 1, MaxLength = 250)]
    public string? ImageName { get; init; }

    [Property("The http(s) URL of the image of `EMPHASIZE_TYPE_IMAGE` templates: JPEG or PNG, at most 500 KB, at least 500×250 px, aspect 2:1.", Example = "\"https://example.com/shipped.png\"")]
    public string? ImageUrl { get; init; }

    [Property("Up to 5 buttons, each of a different type, shown in list order.", Example = "[{type: \"WEB_LINK\", name: \"Track\", linkMo: \"https://example.com/t\"}]")]
    public IReadOnlyList<TemplateButtonArgs>? Buttons { get; init; }

    [Property("Whether to submit the template (and every later change) to Kakao's inspection. `false` keeps a draft; set it to `true` later to submit.", Example = "true", Default = true)]
    public bool Submit { get; init; } = true;

    [Property("When Kakao refuses a submission, keep the template as a draft (it is then recorded in state, so fixing the inputs and running `pulumi up` resubmits it instead of creating another).", Example = "true", Default = false)]
    public bool SaveDraftOnFailure { get; init; }
}

/// <summary>A template button as declared.</summary>
[ObjectType("kakao:index:TemplateButton", Description = "A button of a KakaoTalk template; its position in the list is its `ordering`.")]
internal sealed partial record TemplateButtonArgs
{
    [Property("What the button does.", Example = "\"WEB_LINK\"")]
    public required TemplateButtonKind Type { get; init; }

    [Property("The label (1 to 14 characters).", Example = "\"Track\"", MinLength = 1, MaxLength = 14)]
    public required string Name { get; init; }

    [Property("The mobile http(s) link (required for `WEB_LINK`; at most 500 characters).", Example = "\"https://example.com/t\"", MaxLength = 500)]
    public string? LinkMo { get; init; }

    [Property("The PC http(s) link (optional; at most 500 characters).", Example = "\"https://example.com/t\"", MaxLength = 500)]
    public string? LinkPc { get; init; }

    [Property("The iOS app scheme (required for `APP_LINK`; at most 500 characters).", Example = "\"shop://order\"", MaxLength = 500)]
    public string? SchemeIos { get; init; }

    [Property("The Android app scheme (required for `APP_LINK`; at most 500 characters).", Example = "\"shop://order\"", MaxLength = 500)]
    public string? SchemeAndroid { get; init; }
}

/// <summary>The message types a template may declare.</summary>
[EnumType("kakao:index:TemplateMessageType", Description = "The message type of a KakaoTalk template.")]
internal enum TemplateMessageKind
{
    [EnumValue("BASIC", Description = "A plain message (the default).")]
    Basic,
    [EnumValue("EXTRA_INFORMATION", Description = "With an additional information block (`extra`).")]
    ExtraInformation,
    [EnumValue("AD_INCLUDED", Description = "With Kakao's channel-add phrase; the first button is `CHANNEL_ID_ADDED`.")]
    AdIncluded,
    [EnumValue("MIXED", Description = "Extra information and the channel-add phrase.")]
    Mixed,
}

/// <summary>The emphasis types a template may declare.</summary>
[EnumType("kakao:index:TemplateEmphasizeType", Description = "How a KakaoTalk template's message is emphasised.")]
internal enum TemplateEmphasis
{
    [EnumValue("EMPHASIZE_TYPE_NONE", Description = "No emphasis (the default).")]
    None,
    [EnumValue("EMPHASIZE_TYPE_TEXT", Description = "A title and subtitle (both required).")]
    Text,
    [EnumValue("EMPHASIZE_TYPE_IMAGE", Description = "An image (name and URL required).")]
    Image,
}

/// <summary>The button types a template may declare.</summary>
[EnumType("kakao:index:TemplateButtonType", Description = "The type of a KakaoTalk template button.")]
internal enum TemplateButtonKind
{
    [EnumValue("WEB_LINK", Description = "Opens a web page (`linkMo` required).")]
    WebLink,
    [EnumValue("APP_LINK", Description = "Opens an app (`schemeIos` and `schemeAndroid` required).")]
    AppLink,
    [EnumValue("DELIVERY_SEARCH", Description = "Shows delivery tracking.")]
    DeliverySearch,
    [EnumValue("BOT_KEYWORD", Description = "Sends a keyword to the channel's bot.")]
    BotKeyword,
    [EnumValue("MESSAGE_DELIVERY", Description = "Forwards the message to the channel's chat.")]
    MessageDelivery,
    [EnumValue("BOT_FOR_CONSULTATION", Description = "Starts a consultation chat.")]
    BotForConsultation,
    [EnumValue("BOT_TRANSFER", Description = "Switches to the bot.")]
    BotTransfer,
    [EnumValue("CHANNEL_ID_ADDED", Description = "Adds the channel (first button of `AD_INCLUDED` and `MIXED` templates only).")]
    ChannelIdAdded,
    [EnumValue("BUSINESS_FORM", Description = "Opens a business form.")]
    BusinessForm,
    [EnumValue("IMAGE_SECURE_TRANSMISSION_PLUGIN_ID", Description = "The secure image transmission plugin.")]
    ImageSecureTransmissionPluginId,
    [EnumValue("PERSONAL_INFORMATION_USE_PLUGIN_ID", Description = "The personal information use plugin.")]
    PersonalInformationUsePluginId,
    [EnumValue("ONE_CLICK_PAYMENT_PLUGIN", Description = "The one-click payment plugin.")]
    OneClickPaymentPlugin,
}
