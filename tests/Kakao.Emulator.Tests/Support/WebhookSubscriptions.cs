using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Kakao.Emulator.Tests.Support;

/// <summary>Subscribing a <see cref="WebhookReceiver"/> through the webhooks API, and the signature its callbacks should carry.</summary>
internal static class WebhookSubscriptions
{
    public static string Path(string project) => $"v1/projects/{project}/webhooks";

    /// <summary>The body registering <paramref name="target"/> for <paramref name="triggers"/>, signed with <paramref name="secret"/>.</summary>
    public static string Body(Uri target, string secret, params string[] triggers) =>
        new JsonObject { ["target"] = target.ToString(), ["secret"] = secret, ["triggers"] = new JsonArray(triggers.Select(t => (JsonNode?)t).ToArray()) }.ToJsonString();

    /// <summary>Registers the webhook and asserts the API created it.</summary>
    public static async Task SubscribeAsync(EmulatorHarness emulator, string project, Uri target, string secret, params string[] triggers)
    {
        using var response = await emulator.PostAsync(Path(project), Body(target, secret, triggers));
        Assert.That((int)response.StatusCode, Is.EqualTo(201));
    }

    /// <summary>Base64 HMAC-SHA256, keyed by the secret, of body.nonce.timestamp (the callback's own headers).</summary>
    public static string ExpectedSignature(ReceivedCallback callback, string secret)
    {
        string signed = Encoding.UTF8.GetString(callback.Body) + "." + callback.Headers["x-sinch-webhook-signature-nonce"] + "." + callback.Headers["x-sinch-webhook-signature-timestamp"];
        return Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(signed)));
    }
}
