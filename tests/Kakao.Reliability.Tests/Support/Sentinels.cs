namespace Kakao.Reliability.Tests.Support;

/// <summary>
/// Recognisable secret values every suite runs with, so a scan of any output can tell a leak from chance.
/// They are valid values (the key secret is the emulator's, the phone number is a valid E.164 Korean mobile number).
/// </summary>
internal static class Sentinels
{
    public const string ProjectId = "rel-project";
    public const string KeyId = "rel-key";
    public const string KeySecret = "SNTLkeysecretQ7x9Zp";
    public const string AdminPhoneNo = "+821097531864";
    public const string AdminPhoneDigits = "821097531864";
    public const string OAuthToken = "SNTLoauthtokenV4m8Kd";
    public const string WebhookSecret = "SNTLwebhooksecretR2n6";

    /// <summary>Every plaintext sentinel (the OTP code is added by the test that learns it).</summary>
    public static IReadOnlyList<string> All => [KeySecret, AdminPhoneDigits, OAuthToken, WebhookSecret, BasicCredential];

    /// <summary>The Basic credential as it travels (base64 of id:secret): a leak of the header counts too.</summary>
    public static string BasicCredential => Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{KeyId}:{KeySecret}"));
}
