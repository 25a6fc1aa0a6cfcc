namespace Kakao.Emulator.Json;

/// <summary>The template enums of the facts file (kakaotalk-templates.md §4) and the emulator's fixed texts.</summary>
internal static class TemplateVocabulary
{
    public const string Approved = "APPROVED";
    public const string Rejected = "REJECTED";

    public const string Draft = "DRAFT";
    public const string InProgress = "IN_PROGRESS";

    public const string WebhookApproved = "KAKAOTALK_TEMPLATE_APPROVED";
    public const string WebhookRejected = "KAKAOTALK_TEMPLATE_REJECTED";
    public const string WebhookCommentAdded = "KAKAOTALK_TEMPLATE_COMMENT_ADDED";

    public const string BasicMessage = "BASIC";
    public const string AdIncluded = "AD_INCLUDED";
    public const string ExtraInformation = "EXTRA_INFORMATION";
    public const string Mixed = "MIXED";

    public const string EmphasizeNone = "EMPHASIZE_TYPE_NONE";
    public const string EmphasizeText = "EMPHASIZE_TYPE_TEXT";
    public const string EmphasizeImage = "EMPHASIZE_TYPE_IMAGE";

    public const string WebLink = "WEB_LINK";
    public const string AppLink = "APP_LINK";
    public const string ChannelAdded = "CHANNEL_ID_ADDED";

    /// <summary>The create default: Kakao's "Others" category.</summary>
    public const string OthersCategory = "999999";

    /// <summary>
    /// The ad phrase Kakao fixes for AD_INCLUDED and MIXED templates (Sinch's response-only <c>ad</c>); the text
    /// is Kakao's channel-add consent line. [emulator choice] the exact wording.
    /// </summary>
    public const string AdPhrase = "채널 추가하고 이 채널의 광고와 마케팅 메시지를 카카오톡으로 받기";

    /// <summary>The fixed name of Kakao's "add channel" button.</summary>
    public const string ChannelAddedName = "채널 추가";

    public const string DefaultRejectionComment = "The template was rejected by the emulator's review policy.";

    public static readonly IReadOnlyList<string> States = [Approved, Rejected];

    public static readonly IReadOnlyList<string> Statuses = [Draft, InProgress, Rejected];

    public const string SupportedStates = "APPROVED, REJECTED";

    public static readonly IReadOnlyList<string> MessageTypes = [AdIncluded, BasicMessage, ExtraInformation, Mixed];

    public static readonly IReadOnlyList<string> EmphasizeTypes = [EmphasizeImage, EmphasizeNone, EmphasizeText];

    public static readonly IReadOnlyList<string> ButtonTypes =
    [
        AppLink, "BOT_FOR_CONSULTATION", "BOT_KEYWORD", "BOT_TRANSFER", "BUSINESS_FORM", ChannelAdded, "DELIVERY_SEARCH",
        "IMAGE_SECURE_TRANSMISSION_PLUGIN_ID", "MESSAGE_DELIVERY", "ONE_CLICK_PAYMENT_PLUGIN", "PERSONAL_INFORMATION_USE_PLUGIN_ID", WebLink,
    ];

    public static readonly IReadOnlyList<string> Languages =
    [
        "AF", "AR", "AZ", "BG", "BN", "CA", "CS", "DA", "DE", "EL", "EN", "EN_GB", "EN_US", "ES", "ES_AR", "ES_ES", "ES_MX", "ET", "FA",
        "FI", "FIL", "FR", "GA", "GU", "HA", "HE", "HI", "HR", "HU", "ID", "IT", "JA", "KA", "KK", "KN", "KO", "KY_KG", "LO", "LT", "LV",
        "MK", "ML", "MR", "MS", "NB", "NL", "PA", "PL", "PT_BR", "PT_PT", "RO", "RU", "RW_RW", "SK", "SL", "SQ", "SR", "SV", "SW", "TA",
        "TE", "TH", "TR", "UK", "UR", "UZ", "VI", "ZH_CN", "ZH_HK", "ZH_TW", "ZU",
    ];

    /// <summary>The language list as template_invalid_language_code's additionalInformation.supportedCodes shows it.</summary>
    public static readonly string SupportedLanguages = string.Join(", ", Languages);

    /// <summary>Whether a message type carries Kakao's fixed ad phrase and its "add channel" button.</summary>
    public static bool CarriesAd(string? messageType) => messageType is AdIncluded or Mixed;
}
