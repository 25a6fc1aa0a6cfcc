using Kakao.Provisioning.Models;

namespace Kakao.Provisioning;

/// <summary>
/// The Provisioning API's limits for templates (OpenAPI v1.2.117), the one place they are written down: the client
/// checks them before sending, the plugin's Check names the property that breaks one.
/// </summary>
public static class TemplateLimits
{
    /// <summary>Longest template name.</summary>
    public const int NameMaxLength = 150;

    /// <summary>Longest message body.</summary>
    public const int ContentMaxLength = 1000;

    /// <summary>Longest category code (Kakao's codes have exactly 6 digits).</summary>
    public const int CategoryCodeMaxLength = 6;

    /// <summary>Longest additional information block.</summary>
    public const int ExtraMaxLength = 500;

    /// <summary>Longest emphasised title.</summary>
    public const int TitleMaxLength = 50;

    /// <summary>Longest emphasised subtitle.</summary>
    public const int SubtitleMaxLength = 50;

    /// <summary>Longest image name.</summary>
    public const int ImageNameMaxLength = 250;

    /// <summary>Most buttons of a template.</summary>
    public const int MaxButtons = 5;

    /// <summary>Longest button label.</summary>
    public const int ButtonNameMaxLength = 14;

    /// <summary>Longest button link or app scheme.</summary>
    public const int ButtonLinkMaxLength = 500;

    /// <summary>Largest page of a template listing.</summary>
    public const int MaxListPageSize = 1000;

    /// <summary>Largest page of activities or categories.</summary>
    public const int MaxPageSize = 100;

    /// <summary>Longest template code the client accepts in a path (the server's codes have 20 characters).</summary>
    public const int CodeMaxLength = 128;

    /// <summary>The category the API uses when none is given ("Others").</summary>
    public const string DefaultCategoryCode = "999999";

    /// <summary>The message types a request may carry (responses may also say UNSPECIFIED or UNRECOGNIZED).</summary>
    public static IReadOnlyList<TemplateMessageType> InputMessageTypes { get; } =
        [TemplateMessageType.Basic, TemplateMessageType.ExtraInformation, TemplateMessageType.AdIncluded, TemplateMessageType.Mixed];

    /// <summary>The emphasis types a request may carry.</summary>
    public static IReadOnlyList<EmphasizeType> InputEmphasizeTypes { get; } =
        [EmphasizeType.None, EmphasizeType.Text, EmphasizeType.Image];

    /// <summary>The button types a request may carry.</summary>
    public static IReadOnlyList<ButtonType> InputButtonTypes { get; } =
    [
        ButtonType.WebLink, ButtonType.AppLink, ButtonType.DeliverySearch, ButtonType.BotKeyword, ButtonType.MessageDelivery,
        ButtonType.BotForConsultation, ButtonType.BotTransfer, ButtonType.ChannelIdAdded, ButtonType.BusinessForm,
        ButtonType.ImageSecureTransmissionPluginId, ButtonType.PersonalInformationUsePluginId, ButtonType.OneClickPaymentPlugin,
    ];
}
