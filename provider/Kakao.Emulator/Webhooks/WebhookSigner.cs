using System.Security.Cryptography;
using System.Text;

namespace Kakao.Emulator.Webhooks;

/// <summary>
/// Signs callbacks as the shared doc says: base64 HMAC-SHA256, keyed with the webhook secret, over
/// <c>rawBody + "." + nonce + "." + timestamp</c> ([emulator choice], Sinch's Conversation API convention).
/// </summary>
internal static class WebhookSigner
{
    public const string SignatureHeader = "x-sinch-webhook-signature";
    public const string AlgorithmHeader = "x-sinch-webhook-signature-algorithm";
    public const string NonceHeader = "x-sinch-webhook-signature-nonce";
    public const string TimestampHeader = "x-sinch-webhook-signature-timestamp";
    public const string Algorithm = "HmacSHA256";

    public static string Sign(string secret, ReadOnlySpan<byte> rawBody, string nonce, string timestamp)
    {
        byte[] suffix = Encoding.UTF8.GetBytes("." + nonce + "." + timestamp);
        byte[] signed = new byte[rawBody.Length + suffix.Length];
        rawBody.CopyTo(signed);
        suffix.CopyTo(signed.AsSpan(rawBody.Length));
        return Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed));
    }
}
