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
[JsonSerializable(typeof(Webhook))]
[JsonSerializable(typeof(WebhookList))]
[JsonSerializable(typeof(CreateWebhookBody))]
[JsonSerializable(typeof(TokenResponse))]
internal sealed partial class ProvisioningJsonContext : JsonSerializerContext;
