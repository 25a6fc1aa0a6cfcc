using Kakao.Provider.Models;
using Kakao.Provider.Typed;
using Kakao.Provisioning;
using Kakao.Provisioning.Models;

namespace Kakao.Provider.Resources.Template;

/// <summary>
/// Check's rules across a template's properties, offline, each naming the property: Sinch's formats (language,
/// category, URLs) and Kakao's inspection rules (emphasis, message type, link buttons, the channel-add button,
/// variables), so a preview catches what Kakao would refuse with a 424. Rules over a value not known yet wait.
/// </summary>
internal static class TemplateRules
{
    /// <summary>The name Kakao fixes for the channel-add button.</summary>
    public const string ChannelAddButtonName = "채널 추가";

    /// <summary>The most variables a template may carry.</summary>
    public const int MaxVariables = 40;

    public static IEnumerable<CheckFailure> Check(CheckRequest<TemplateInputs> request)
    {
        var inputs = request.Inputs;
        var facts = request.Facts;
        bool Known(string property) => !facts.Unknowns.Contains(property) && !facts.WrongKinds.ContainsKey(property);

        if (inputs.PlusFriendId is { } plusFriendId && Known(TemplateInputs.WireNames.PlusFriendId) && PathSegment.Problem(plusFriendId) is { } segment)
        {
            yield return new(TemplateInputs.WireNames.PlusFriendId, $"plusFriendId {segment}.");
        }

        if (inputs.ProjectId is { } projectId && Known(TemplateInputs.WireNames.ProjectId) && PathSegment.Problem(projectId) is { } projectSegment)
        {
            yield return new(TemplateInputs.WireNames.ProjectId, $"projectId {projectSegment}.");
        }

        if (inputs.Language is { } language && Known(TemplateInputs.WireNames.Language) && !new TemplateLanguage(language).IsSupported)
        {
            yield return new(TemplateInputs.WireNames.Language, $"language must be one of the codes Sinch accepts, in upper case (e.g. KO, EN, JA, ZH_CN; all: {string.Join(", ", TemplateLanguage.Supported)}).");
        }

        if (inputs.CategoryCode is { } category && Known(TemplateInputs.WireNames.CategoryCode) && (category.Length != 6 || !category.All(char.IsAsciiDigit)))
        {
            yield return new(TemplateInputs.WireNames.CategoryCode, "categoryCode must be exactly 6 digits (3-digit group + 3-digit item, e.g. 001001; 999999 is Others); `kakao:index:getTemplateCategories` lists them.");
        }

        if (inputs.ImageUrl is { } imageUrl && Known(TemplateInputs.WireNames.ImageUrl) && !IsHttpUrl(imageUrl))
        {
            yield return new(TemplateInputs.WireNames.ImageUrl, "imageUrl must be an absolute http(s) URL of a JPEG or PNG image.");
        }

        foreach (var failure in Emphasis(inputs, Known).Concat(MessageType(inputs, Known)).Concat(Content(inputs, Known)).Concat(Buttons(inputs, Known)))
        {
            yield return failure;
        }
    }

    private static IEnumerable<CheckFailure> Emphasis(TemplateInputs inputs, Func<string, bool> known)
    {
        if (!known(TemplateInputs.WireNames.EmphasizeType))
        {
            yield break;
        }

        if (inputs.EmphasizeType == TemplateEmphasis.Text)
        {
            foreach (var (property, value) in new[] { (TemplateInputs.WireNames.Title, inputs.Title), (TemplateInputs.WireNames.Subtitle, inputs.Subtitle) })
            {
                if (value is null && known(property))
                {
                    yield return new(property, $"{property} is required when emphasizeType is EMPHASIZE_TYPE_TEXT (Kakao shows the title and subtitle emphasised).");
                }
            }
        }

        if (inputs.EmphasizeType == TemplateEmphasis.Image)
        {
            foreach (var (property, value) in new[] { (TemplateInputs.WireNames.ImageName, inputs.ImageName), (TemplateInputs.WireNames.ImageUrl, inputs.ImageUrl) })
            {
                if (value is null && known(property))
                {
                    yield return new(property, $"{property} is required when emphasizeType is EMPHASIZE_TYPE_IMAGE.");
                }
            }
        }
    }

    private static IEnumerable<CheckFailure> MessageType(TemplateInputs inputs, Func<string, bool> known)
    {
        if (!known(TemplateInputs.WireNames.MessageType))
        {
            yield break;
        }

        var type = inputs.MessageType ?? TemplateMessageKind.Basic;
        if (type is TemplateMessageKind.ExtraInformation or TemplateMessageKind.Mixed && inputs.Extra is null && known(TemplateInputs.WireNames.Extra))
        {
            yield return new(TemplateInputs.WireNames.Extra, $"extra is required when messageType is {TemplateMessageKindWire.Format(type)}.");
        }

        if (!known(TemplateInputs.WireNames.Buttons))
        {
            yield break;
        }

        var buttons = inputs.Buttons ?? [];
        bool carriesAd = type is TemplateMessageKind.AdIncluded or TemplateMessageKind.Mixed;
        if (carriesAd && (buttons.Count == 0 || buttons[0].Type != TemplateButtonKind.ChannelIdAdded))
        {
            yield return new(TemplateInputs.WireNames.Buttons, $"A {TemplateMessageKindWire.Format(type)} template needs the channel-add button first: buttons[0] of type CHANNEL_ID_ADDED named \"{ChannelAddButtonName}\".");
        }

        for (int i = 0; i < buttons.Count; i++)
        {
            if (buttons[i].Type != TemplateButtonKind.ChannelIdAdded)
            {
                continue;
            }

            if (!carriesAd)
            {
                yield return new($"buttons[{i}].type", "A CHANNEL_ID_ADDED button is allowed only in AD_INCLUDED and MIXED templates.");
            }
            else if (i > 0)
            {
                yield return new($"buttons[{i}].type", "The CHANNEL_ID_ADDED button must be the first button.");
            }
            else if (buttons[i].Name is { } name && name != ChannelAddButtonName)
            {
                yield return new($"buttons[{i}].name", $"Kakao fixes the channel-add button's name: \"{ChannelAddButtonName}\".");
            }
        }
    }

    private static IEnumerable<CheckFailure> Content(TemplateInputs inputs, Func<string, bool> known)
    {
        if (inputs.Content is not { } content || !known(TemplateInputs.WireNames.Content))
        {
            yield break;
        }

        int open = 0;
        for (int i = 0; i < content.Length - 1; i++)
        {
            if (content[i] == '#' && content[i + 1] == '{')
            {
                open++;
                int close = content.IndexOf('}', i + 2);
                if (close < 0)
                {
                    yield return new(TemplateInputs.WireNames.Content, "content has a #{ without its closing }: write variables as #{name}.");
                    yield break;
                }

                if (string.IsNullOrWhiteSpace(content[(i + 2)..close]))
                {
                    yield return new(TemplateInputs.WireNames.Content, "content has an empty variable #{}: name it, e.g. #{customer}.");
                    yield break;
                }
            }
        }

        if (TemplateLifecycle.Variables(content).Count > MaxVariables)
        {
            yield return new(TemplateInputs.WireNames.Content, $"content has more than {MaxVariables} variables.");
        }
    }

    private static IEnumerable<CheckFailure> Buttons(TemplateInputs inputs, Func<string, bool> known)
    {
        if (inputs.Buttons is not { } buttons || !known(TemplateInputs.WireNames.Buttons))
        {
            yield break;
        }

        if (buttons.Count > TemplateLimits.MaxButtons)
        {
            yield return new(TemplateInputs.WireNames.Buttons, $"A template has at most {TemplateLimits.MaxButtons} buttons (got {buttons.Count}).");
        }

        var seen = new HashSet<TemplateButtonKind>();
        for (int i = 0; i < buttons.Count; i++)
        {
            var button = buttons[i];
            var at = $"buttons[{i}]";
            if (!seen.Add(button.Type))
            {
                yield return new($"{at}.type", $"Button types must be unique: {TemplateButtonKindWire.Format(button.Type)} is used twice.");
            }

            if (button.Type == TemplateButtonKind.WebLink && button.LinkMo is null)
            {
                yield return new($"{at}.linkMo", "A WEB_LINK button needs linkMo (the mobile link).");
            }

            if (button.Type == TemplateButtonKind.AppLink)
            {
                if (button.SchemeIos is null)
                {
                    yield return new($"{at}.schemeIos", "An APP_LINK button needs schemeIos.");
                }

                if (button.SchemeAndroid is null)
                {
                    yield return new($"{at}.schemeAndroid", "An APP_LINK button needs schemeAndroid.");
                }
            }

            foreach (var (name, value) in new[] { ("linkMo", button.LinkMo), ("linkPc", button.LinkPc) })
            {
                if (value is not null && !IsHttpUrl(value))
                {
                    yield return new($"{at}.{name}", $"{name} must be an absolute http(s) URL.");
                }
            }

            foreach (var (name, value) in new[] { ("schemeIos", button.SchemeIos), ("schemeAndroid", button.SchemeAndroid) })
            {
                if (value is not null && !Uri.TryCreate(value, UriKind.Absolute, out _))
                {
                    yield return new($"{at}.{name}", $"{name} must be an absolute URI, e.g. shop://order.");
                }
            }
        }
    }

    private static bool IsHttpUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
