using Kakao.Provisioning.Models;

namespace Kakao.Provisioning.Internal;

/// <summary>
/// The template checks done before anything is sent (<see cref="ArgumentException"/> naming the member): the
/// API's schema limits of <see cref="TemplateLimits"/>. Kakao's own rules (emphasis needs a title, links of
/// link buttons, ...) are Kakao's to answer (424) and the plugin's Check to catch early; they are not here.
/// </summary>
internal static class TemplateInputChecks
{
    public static void Code(string? value, string paramName)
    {
        ArgumentNullException.ThrowIfNull(value, paramName);
        if (value.Length is 0 or > TemplateLimits.CodeMaxLength || string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException($"The template code must be 1..{TemplateLimits.CodeMaxLength} characters (got {value.Length}).", paramName);
        }

        ApiPaths.RequireSegment(value, paramName);
    }

    public static void ListPageSize(int? pageSize, string paramName)
    {
        if (pageSize is < 1 or > TemplateLimits.MaxListPageSize)
        {
            throw new ArgumentOutOfRangeException(paramName, pageSize, $"pageSize must be 1..{TemplateLimits.MaxListPageSize}.");
        }
    }

    public static void Create(CreateTemplateRequest request, string paramName)
    {
        ArgumentNullException.ThrowIfNull(request, paramName);
        var details = request.Details ?? throw new ArgumentNullException(paramName + ".Details");
        bool submitting = request.Status != SubmitAction.Draft;
        var path = paramName + ".Details";
        ArgumentNullException.ThrowIfNull(details.Name, path + ".Name");
        if (details.Language is not { } language)
        {
            throw new ArgumentNullException(path + ".Language", "The language is required when a template is created.");
        }

        if (!language.IsSupported)
        {
            throw new ArgumentException($"language '{Printable(language.Value)}' is not one the API accepts (e.g. KO, EN, JA; TemplateLanguage.Supported lists all).", path + ".Language");
        }

        if (submitting && details.Content is null)
        {
            throw new ArgumentNullException(path + ".Content", "The content is required when the template is submitted for inspection.");
        }

        Details(details, submitting, path);
    }

    public static void Update(UpdateTemplateRequest request, string paramName)
    {
        ArgumentNullException.ThrowIfNull(request, paramName);
        var path = paramName + ".Details";
        if (request.Details is { } details)
        {
            if (details.Language is not null)
            {
                throw new ArgumentException("The language of a template cannot change after creation; leave Language null (replace the template to change it).", path + ".Language");
            }

            Details(details, request.Status != SubmitAction.Draft, path);
            foreach (var (field, value) in Clearable(details))
            {
                if (request.Clear.HasFlag(field) && value is not null)
                {
                    throw new ArgumentException($"{field} is both set and cleared; set it to null in Details when clearing it.", paramName + ".Clear");
                }
            }
        }

        if ((request.Clear & ~AllClearable) != 0)
        {
            throw new ArgumentException($"Clear holds unknown fields ({request.Clear}).", paramName + ".Clear");
        }
    }

    private const TemplateClearableFields AllClearable = TemplateClearableFields.Extra | TemplateClearableFields.Title | TemplateClearableFields.Subtitle
        | TemplateClearableFields.ImageName | TemplateClearableFields.ImageUrl | TemplateClearableFields.Buttons;

    private static (TemplateClearableFields Field, object? Value)[] Clearable(TemplateDetails details) =>
    [
        (TemplateClearableFields.Extra, details.Extra),
        (TemplateClearableFields.Title, details.Title),
        (TemplateClearableFields.Subtitle, details.Subtitle),
        (TemplateClearableFields.ImageName, details.ImageName),
        (TemplateClearableFields.ImageUrl, details.ImageUrl),
        (TemplateClearableFields.Buttons, details.Buttons),
    ];

    private static void Details(TemplateDetails details, bool submitting, string path)
    {
        Length(details.Name, TemplateLimits.NameMaxLength, "name", path + ".Name");
        Length(details.Content, TemplateLimits.ContentMaxLength, "content", path + ".Content");
        Length(details.Extra, TemplateLimits.ExtraMaxLength, "extra", path + ".Extra");
        Length(details.Title, TemplateLimits.TitleMaxLength, "title", path + ".Title");
        Length(details.Subtitle, TemplateLimits.SubtitleMaxLength, "subtitle", path + ".Subtitle");
        Length(details.ImageName, TemplateLimits.ImageNameMaxLength, "imageName", path + ".ImageName");
        if (details.CategoryCode is { } category
            && (category.Length is 0 or > TemplateLimits.CategoryCodeMaxLength || !category.All(char.IsAsciiDigit)))
        {
            throw new ArgumentException($"categoryCode must be 1..{TemplateLimits.CategoryCodeMaxLength} digits (got '{Printable(category)}').", path + ".CategoryCode");
        }

        if (details.ImageUrl is { } imageUrl)
        {
            InputChecks.HttpUrl(imageUrl, "imageUrl", path + ".ImageUrl");
        }

        if (details.MessageType is { } messageType && !TemplateLimits.InputMessageTypes.Contains(messageType))
        {
            throw new ArgumentException($"messageType must be one of {string.Join(", ", TemplateLimits.InputMessageTypes)} (got '{Printable(messageType.Value)}').", path + ".MessageType");
        }

        if (details.EmphasizeType is { } emphasizeType && !TemplateLimits.InputEmphasizeTypes.Contains(emphasizeType))
        {
            throw new ArgumentException($"emphasizeType must be one of {string.Join(", ", TemplateLimits.InputEmphasizeTypes)} (got '{Printable(emphasizeType.Value)}').", path + ".EmphasizeType");
        }

        if (details.Ad is not null)
        {
            throw new ArgumentException("ad is set by Kakao and returned only; leave it null in requests.", path + ".Ad");
        }

        if (details.Buttons is { } buttons)
        {
            Buttons(buttons, submitting, path + ".Buttons");
        }
    }

    private static void Buttons(IReadOnlyList<TemplateButton> buttons, bool submitting, string path)
    {
        if (buttons.Count > TemplateLimits.MaxButtons)
        {
            throw new ArgumentException($"A template has at most {TemplateLimits.MaxButtons} buttons (got {buttons.Count}).", path);
        }

        for (int i = 0; i < buttons.Count; i++)
        {
            var button = buttons[i] ?? throw new ArgumentNullException($"{path}[{i}]");
            var at = $"{path}[{i}]";
            if (button.Ordering is < 1 or > TemplateLimits.MaxButtons)
            {
                throw new ArgumentOutOfRangeException(at + ".Ordering", button.Ordering, $"ordering must be 1..{TemplateLimits.MaxButtons}.");
            }

            if (!TemplateLimits.InputButtonTypes.Contains(button.Type))
            {
                throw new ArgumentException($"type must be one of {string.Join(", ", TemplateLimits.InputButtonTypes)} (got '{Printable(button.Type.Value)}').", at + ".Type");
            }

            if (submitting && button.Name is null)
            {
                throw new ArgumentNullException(at + ".Name", "A button needs a name when the template is submitted.");
            }

            Length(button.Name, TemplateLimits.ButtonNameMaxLength, "name", at + ".Name");
            Link(button.LinkMo, "linkMo", at + ".LinkMo", web: true);
            Link(button.LinkPc, "linkPc", at + ".LinkPc", web: true);
            Link(button.SchemeIos, "schemeIos", at + ".SchemeIos", web: false);
            Link(button.SchemeAndroid, "schemeAndroid", at + ".SchemeAndroid", web: false);
        }

        if (buttons.Select(b => b.Type).Distinct().Count() != buttons.Count)
        {
            throw new ArgumentException("Button types must be unique across the buttons.", path);
        }

        if (buttons.Select(b => b.Ordering).Distinct().Count() != buttons.Count)
        {
            throw new ArgumentException("Button orderings must be unique across the buttons.", path);
        }
    }

    private static void Link(string? value, string what, string paramName, bool web)
    {
        if (value is null)
        {
            return;
        }

        Length(value, TemplateLimits.ButtonLinkMaxLength, what, paramName);
        if (web)
        {
            InputChecks.HttpUrl(value, what, paramName);
        }
        else if (!Uri.TryCreate(value, UriKind.Absolute, out _))
        {
            throw new ArgumentException($"{what} must be an absolute URI (e.g. myapp://open).", paramName);
        }
    }

    private static void Length(string? value, int max, string what, string paramName)
    {
        if (value is not null && (value.Length == 0 || value.Length > max || string.IsNullOrWhiteSpace(value)))
        {
            throw new ArgumentException($"{what} must be 1..{max} characters (got {value.Length}).", paramName);
        }
    }

    private static string Printable(string value) =>
        value.Length > 20 ? string.Concat(value.AsSpan(0, 20), "…") : new string(value.Where(c => !char.IsControl(c)).ToArray());
}
