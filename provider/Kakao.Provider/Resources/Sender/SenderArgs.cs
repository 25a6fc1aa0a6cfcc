using Kakao.Provider.Model;
using Kakao.Provider.Provider;
using Kakao.Provisioning.Models;

namespace Kakao.Provider.Resources.Sender;

/// <summary>
/// The known, checked inputs of a sender. <see cref="ToString"/> hides the admin phone number.
/// </summary>
internal sealed record SenderArgs
{
    public required string PlusFriendId { get; init; }

    /// <summary>Project override; null uses the provider's project.</summary>
    public string? ProjectId { get; init; }

    /// <summary>Admin phone number (personal data, always secret).</summary>
    public required string AdminPhoneNo { get; init; }

    public string? Name { get; init; }

    public string? TopLevelCategoryCode { get; init; }

    public string? MidLevelCategoryCode { get; init; }

    public string? SubLevelCategoryCode { get; init; }

    public string? LogoImage { get; init; }

    /// <summary>True submits for review; false keeps a draft.</summary>
    public bool Submit { get; init; } = true;

    /// <summary>Inputs the user marked secret (beyond those always secret).</summary>
    public IReadOnlySet<string> SecretInputs { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Reads checked inputs; throws <see cref="InvalidInputException"/> when one is missing or still unknown.</summary>
    public static SenderArgs FromInputs(PropertyMap inputs)
    {
        var secrets = new HashSet<string>(StringComparer.Ordinal);
        string? Text(string key, bool required)
        {
            if (inputs.Get(key) is not { } raw)
            {
                return required ? throw new InvalidInputException($"{key} is required") : null;
            }

            var (value, secret) = raw.Unwrap();
            if (secret)
            {
                secrets.Add(key);
            }

            return value.Kind switch
            {
                PropertyValueKind.String => value.StringValue,
                PropertyValueKind.Null when !required => null,
                PropertyValueKind.Computed => throw new InvalidInputException($"{key} is not known yet; it can only be used once its value is known"),
                _ => throw new InvalidInputException($"{key} must be a string"),
            };
        }

        bool submit = true;
        if (inputs.Get(SenderProperties.Submit) is { } rawSubmit)
        {
            var (value, secret) = rawSubmit.Unwrap();
            if (secret)
            {
                secrets.Add(SenderProperties.Submit);
            }

            submit = value.Kind switch
            {
                PropertyValueKind.Bool => value.BoolValue,
                PropertyValueKind.Null => true,
                PropertyValueKind.Computed => throw new InvalidInputException("submit is not known yet"),
                _ => throw new InvalidInputException("submit must be true or false"),
            };
        }

        var args = new SenderArgs
        {
            PlusFriendId = Text(SenderProperties.PlusFriendId, required: true)!,
            ProjectId = Text(SenderProperties.ProjectId, required: false),
            AdminPhoneNo = Text(SenderProperties.AdminPhoneNo, required: true)!,
            Name = Text(SenderProperties.Name, required: false),
            TopLevelCategoryCode = Text(SenderProperties.TopLevelCategoryCode, required: false),
            MidLevelCategoryCode = Text(SenderProperties.MidLevelCategoryCode, required: false),
            SubLevelCategoryCode = Text(SenderProperties.SubLevelCategoryCode, required: false),
            LogoImage = Text(SenderProperties.LogoImage, required: false),
            Submit = submit,
        };
        secrets.ExceptWith(SenderProperties.AlwaysSecret);
        return args with { SecretInputs = secrets };
    }

    /// <summary>The inputs as a property map (the form Check produces), secrets wrapped.</summary>
    public PropertyMap ToInputs()
    {
        var builder = new PropertyMapBuilder();
        WriteTo(builder);
        return builder.Build();
    }

    /// <summary>Writes the inputs into <paramref name="builder"/>, secrets wrapped.</summary>
    public void WriteTo(PropertyMapBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder
            .SetString(SenderProperties.PlusFriendId, PlusFriendId, IsSecret(SenderProperties.PlusFriendId))
            .SetString(SenderProperties.ProjectId, ProjectId, IsSecret(SenderProperties.ProjectId))
            .SetString(SenderProperties.AdminPhoneNo, AdminPhoneNo, secret: true)
            .SetString(SenderProperties.Name, Name, IsSecret(SenderProperties.Name))
            .SetString(SenderProperties.TopLevelCategoryCode, TopLevelCategoryCode, IsSecret(SenderProperties.TopLevelCategoryCode))
            .SetString(SenderProperties.MidLevelCategoryCode, MidLevelCategoryCode, IsSecret(SenderProperties.MidLevelCategoryCode))
            .SetString(SenderProperties.SubLevelCategoryCode, SubLevelCategoryCode, IsSecret(SenderProperties.SubLevelCategoryCode))
            .SetString(SenderProperties.LogoImage, LogoImage, IsSecret(SenderProperties.LogoImage))
            .Set(SenderProperties.Submit, IsSecret(SenderProperties.Submit) ? PropertyValue.Secret(PropertyValue.Create(Submit)) : PropertyValue.Create(Submit));
    }

    /// <summary>The details to send to the API.</summary>
    public SenderDetails ToDetails() => new()
    {
        AdminPhoneNo = AdminPhoneNo,
        Name = Name,
        TopLevelCategoryCode = TopLevelCategoryCode,
        MidLevelCategoryCode = MidLevelCategoryCode,
        SubLevelCategoryCode = SubLevelCategoryCode,
        LogoImage = LogoImage,
    };

    /// <summary>Submit or keep a draft.</summary>
    public SubmitAction Action => Submit ? SubmitAction.Submit : SubmitAction.Draft;

    public bool IsSecret(string property) => SenderProperties.AlwaysSecret.Contains(property) || SecretInputs.Contains(property);

    /// <summary>Renders the inputs without the admin phone number or other secret inputs.</summary>
    public override string ToString() =>
        $"SenderArgs {{ PlusFriendId = {Show(SenderProperties.PlusFriendId, PlusFriendId)}, ProjectId = {Show(SenderProperties.ProjectId, ProjectId)}, AdminPhoneNo = ***, Name = {Show(SenderProperties.Name, Name)}, Categories = {TopLevelCategoryCode}/{MidLevelCategoryCode}/{SubLevelCategoryCode}, Submit = {Submit} }}";

    private string? Show(string property, string? value) => IsSecret(property) ? "***" : value;
}
