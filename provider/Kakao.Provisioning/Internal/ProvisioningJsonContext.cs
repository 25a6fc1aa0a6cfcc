using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Kakao.Provisioning.Models;

namespace Kakao.Provisioning.Internal;

/// <summary>
/// Source-generated serialization for every wire shape, so the client needs no reflection (trim/AOT safe).
/// camelCase like the API; nulls are omitted so partial updates send only what the caller set.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(KakaoSender))]
[JsonSerializable(typeof(SenderPage))]
[JsonSerializable(typeof(CreateSenderRequest))]
[JsonSerializable(typeof(UpdateSenderBody))]
[JsonSerializable(typeof(VerifySenderBody))]
[JsonSerializable(typeof(CommentBody))]
[JsonSerializable(typeof(SenderComment))]
[JsonSerializable(typeof(SenderActivityPage))]
[JsonSerializable(typeof(SenderCategoryList))]
[JsonSerializable(typeof(KakaoTemplate))]
[JsonSerializable(typeof(TemplatePage))]
[JsonSerializable(typeof(CreateTemplateBody))]
[JsonSerializable(typeof(UpdateTemplateBody))]
[JsonSerializable(typeof(TemplateComment))]
[JsonSerializable(typeof(TemplateActivityPage))]
[JsonSerializable(typeof(TemplateCategoryPage))]
[JsonSerializable(typeof(Webhook))]
[JsonSerializable(typeof(WebhookPage))]
[JsonSerializable(typeof(CreateWebhookBody))]
[JsonSerializable(typeof(UpdateWebhookBody))]
[JsonSerializable(typeof(TokenResponse))]
internal sealed partial class ProvisioningJsonContext : JsonSerializerContext
{
    /// <summary>
    /// The instance the client uses: like <see cref="Default"/>, but writing '+' and Korean text as themselves
    /// rather than \u escapes (the bodies go to an API, never into HTML).
    /// </summary>
    public static ProvisioningJsonContext Wire { get; } = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
