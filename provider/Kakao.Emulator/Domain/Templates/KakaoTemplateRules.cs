using Kakao.Emulator.State;
using static Kakao.Emulator.Json.TemplateVocabulary;

namespace Kakao.Emulator.Domain.Templates;

/// <summary>
/// Kakao's own checks of a submitted template — the rules the Sinch schema does not express (kakaotalk-templates.md
/// §5, from Kakao's platform rules). Sinch relays a refusal as <c>424 template_kakaotalk_validation_error</c>, whose
/// message carries "details from provider": each broken rule names the property, e.g. "EMPHASIZE_TYPE_TEXT needs
/// details.title". Drafts are not checked (Kakao sees a template only when it is submitted).
/// </summary>
internal static class KakaoTemplateRules
{
    public const int MaxButtons = 5;

    /// <summary>[emulator choice] Kakao's limit on #{variables} in one template body.</summary>
    public const int MaxVariables = 40;

    /// <summary>The rule a fault names when it makes Kakao refuse a submission (docs/emulator.md, Faults).</summary>
    public const string InjectedRefusal = "the submission was refused (injected fault)";

    private static readonly string[] ImageExtensions = [".jpg", ".jpeg", ".png"];

    /// <summary>The broken rules, in a stable order; empty when Kakao accepts the submission.</summary>
    /// <param name="details">The merged details submitted.</param>
    /// <param name="refusedByFault">A fault makes Kakao refuse it whatever it holds.</param>
    public static IReadOnlyList<string> Violations(TemplateDetails details, bool refusedByFault = false)
    {
        var problems = new List<string>();
        if (refusedByFault)
        {
            problems.Add(InjectedRefusal);
        }

        switch (details.EmphasizeType)
        {
            case EmphasizeText:
                Require(details.Title, "EMPHASIZE_TYPE_TEXT needs details.title", problems);
                Require(details.Subtitle, "EMPHASIZE_TYPE_TEXT needs details.subtitle", problems);
                break;
            case EmphasizeImage:
                Require(details.ImageName, "EMPHASIZE_TYPE_IMAGE needs details.imageName", problems);
                Require(details.ImageUrl, "EMPHASIZE_TYPE_IMAGE needs details.imageUrl", problems);
                break;
            default:
                break;
        }

        if (details.ImageUrl is { } imageUrl && Uri.TryCreate(imageUrl, UriKind.Absolute, out var uri)
            && !ImageExtensions.Contains(Path.GetExtension(uri.AbsolutePath), StringComparer.OrdinalIgnoreCase))
        {
            // [emulator choice] JPEG/PNG judged by the file extension; nothing is downloaded (size, 2:1 aspect unchecked).
            problems.Add("details.imageUrl must be a JPEG or PNG image (.jpg, .jpeg, .png)");
        }

        if (details.MessageType is ExtraInformation or Mixed)
        {
            Require(details.Extra, $"{details.MessageType} needs details.extra", problems);
        }

        CheckVariables(details.Content, problems);
        CheckButtons(details, problems);
        return problems;
    }

    private static void CheckVariables(string? content, List<string> problems)
    {
        if (content is null)
        {
            return;
        }

        int count = 0;
        int at = 0;
        while ((at = content.IndexOf("#{", at, StringComparison.Ordinal)) >= 0)
        {
            int end = content.IndexOf('}', at + 2);
            if (end < 0)
            {
                problems.Add("details.content has a #{ without its closing }");
                return;
            }

            if (end == at + 2 || content.AsSpan(at + 2, end - at - 2).ContainsAny("#{\n"))
            {
                problems.Add("details.content has an empty or malformed #{variable}");
                return;
            }

            count++;
            at = end + 1;
        }

        if (count > MaxVariables)
        {
            problems.Add($"details.content may hold at most {MaxVariables} #{{variables}}");
        }
    }

    private static void CheckButtons(TemplateDetails details, List<string> problems)
    {
        var buttons = details.Buttons;
        if (buttons.Count > MaxButtons)
        {
            problems.Add($"details.buttons may hold at most {MaxButtons} buttons");
        }

        if (buttons.GroupBy(b => b.Type).Any(g => g.Count() > 1))
        {
            problems.Add("details.buttons: field 'type' must have unique values across items");
        }

        if (buttons.GroupBy(b => b.Ordering).Any(g => g.Count() > 1))
        {
            problems.Add("details.buttons: field 'ordering' must have unique values across items");
        }

        var ordered = buttons.OrderBy(b => b.Ordering).ToList();
        for (int i = 0; i < ordered.Count; i++)
        {
            var button = ordered[i];
            string where = $"details.buttons (ordering {button.Ordering}, {button.Type})";
            switch (button.Type)
            {
                case WebLink:
                    Require(button.LinkMo, $"{where}: WEB_LINK needs linkMo", problems);
                    break;
                case AppLink:
                    Require(button.SchemeIos, $"{where}: APP_LINK needs schemeIos", problems);
                    Require(button.SchemeAndroid, $"{where}: APP_LINK needs schemeAndroid", problems);
                    break;
                case ChannelAdded:
                    if (!CarriesAd(details.MessageType))
                    {
                        problems.Add($"{where}: CHANNEL_ID_ADDED is only allowed with messageType AD_INCLUDED or MIXED");
                    }
                    else if (i != 0)
                    {
                        problems.Add($"{where}: CHANNEL_ID_ADDED must be the first button");
                    }

                    if (button.Name is { } name && name != ChannelAddedName)
                    {
                        problems.Add($"{where}: CHANNEL_ID_ADDED must be named \"{ChannelAddedName}\"");
                    }

                    break;
                default:
                    break;
            }
        }

        if (CarriesAd(details.MessageType) && !buttons.Any(b => b.Type == ChannelAdded))
        {
            problems.Add($"{details.MessageType} needs a CHANNEL_ID_ADDED button (first, named \"{ChannelAddedName}\")");
        }
    }

    private static void Require(string? value, string problem, List<string> problems)
    {
        if (string.IsNullOrEmpty(value))
        {
            problems.Add(problem);
        }
    }
}
