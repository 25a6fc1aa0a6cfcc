using System.Globalization;
using System.Text;
using Kakao.Cli.Webhooks;
using Microsoft.Extensions.Time.Testing;

namespace Kakao.Cli.Tests.Webhooks;

public class WebhookSignatureValidatorTests
{
    private const string Secret = "webhook-secret-123";
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"type":"KAKAOTALK_SENDER_ACTIVE","payload":{"plusFriendId":"@sinch-demo","state":"ACTIVE"}}""");

    private readonly FakeTimeProvider _time = new(Now);

    private static Dictionary<string, string?> Headers(string? signature = null, string nonce = "n-1", DateTimeOffset? at = null, string algorithm = "HmacSHA256")
    {
        var timestamp = (at ?? Now).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return new Dictionary<string, string?>
        {
            [WebhookSignatureValidator.SignatureHeader] = signature ?? WebhookSignatureValidator.Sign(Secret, Body, nonce, timestamp),
            [WebhookSignatureValidator.AlgorithmHeader] = algorithm,
            [WebhookSignatureValidator.NonceHeader] = nonce,
            [WebhookSignatureValidator.TimestampHeader] = timestamp,
        };
    }

    private SignatureCheck Check(Dictionary<string, string?> headers, byte[]? body = null, WebhookSignatureValidator? validator = null) =>
        (validator ?? new WebhookSignatureValidator(Secret, _time)).Check(body ?? Body, name => headers.GetValueOrDefault(name));

    [Test]
    public void Check_GoodSignature_IsValid() => Assert.That(Check(Headers()), Is.EqualTo(SignatureCheck.Valid));

    [Test]
    public void Sign_KnownInput_IsBase64HmacOverBodyNonceAndTimestamp()
    {
        var expected = Convert.ToBase64String(System.Security.Cryptography.HMACSHA256.HashData(
            Encoding.UTF8.GetBytes(Secret), Encoding.UTF8.GetBytes("{}.abc.1700000000")));

        Assert.That(WebhookSignatureValidator.Sign(Secret, "{}"u8, "abc", "1700000000"), Is.EqualTo(expected));
    }

    [Test]
    public void Check_SignedWithOtherSecret_IsBadSignature()
    {
        var timestamp = Now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

        Assert.That(Check(Headers(WebhookSignatureValidator.Sign("other-secret", Body, "n-1", timestamp))), Is.EqualTo(SignatureCheck.BadSignature));
    }

    [Test]
    public void Check_BodyTampered_IsBadSignature() =>
        Assert.That(Check(Headers(), Encoding.UTF8.GetBytes("""{"type":"KAKAOTALK_SENDER_ACTIVE","payload":{"plusFriendId":"@evil"}}""")), Is.EqualTo(SignatureCheck.BadSignature));

    [Test]
    public void Check_SignatureNotBase64_IsBadSignature() => Assert.That(Check(Headers("%%%not-base64")), Is.EqualTo(SignatureCheck.BadSignature));

    [Test]
    public void Check_TimestampSixMinutesOld_IsStale() =>
        Assert.That(Check(Headers(at: Now.AddMinutes(-6))), Is.EqualTo(SignatureCheck.StaleTimestamp));

    [Test]
    public void Check_TimestampSixMinutesAhead_IsStale() =>
        Assert.That(Check(Headers(at: Now.AddMinutes(6))), Is.EqualTo(SignatureCheck.StaleTimestamp));

    [Test]
    public void Check_TimestampFourMinutesOld_IsValid() =>
        Assert.That(Check(Headers(at: Now.AddMinutes(-4))), Is.EqualTo(SignatureCheck.Valid));

    [Test]
    public void Check_SameNonceAfterItsEventWasProcessed_IsReplay()
    {
        var validator = new WebhookSignatureValidator(Secret, _time);

        Assert.That(Check(Headers(), validator: validator), Is.EqualTo(SignatureCheck.Valid));
        validator.MarkProcessed("n-1");
        Assert.That(Check(Headers(), validator: validator), Is.EqualTo(SignatureCheck.ReplayedNonce));
        Assert.That(Check(Headers(nonce: "n-2"), validator: validator), Is.EqualTo(SignatureCheck.Valid));
    }

    [Test]
    public void Check_RedeliveryOfAnEventNotProcessed_IsValidAgain()
    {
        var time = new FakeTimeProvider(Now);
        var validator = new WebhookSignatureValidator(Secret, time);

        Assert.That(Check(Headers(), validator: validator), Is.EqualTo(SignatureCheck.Valid));
        validator.Release("n-1");
        time.Advance(TimeSpan.FromSeconds(3));

        Assert.That(Check(Headers(), validator: validator), Is.EqualTo(SignatureCheck.Valid), "same nonce and timestamp, as Sinch redelivers");
    }

    [Test]
    public void Check_SecondCopyWhileTheFirstIsProcessed_IsInFlight()
    {
        var validator = new WebhookSignatureValidator(Secret, _time);

        Assert.That(Check(Headers(), validator: validator), Is.EqualTo(SignatureCheck.Valid));

        Assert.That(Check(Headers(), validator: validator), Is.EqualTo(SignatureCheck.InFlight));
    }

    [Test]
    public void Check_MissingNonce_IsMissingHeaders()
    {
        var headers = Headers();
        headers.Remove(WebhookSignatureValidator.NonceHeader);

        Assert.That(Check(headers), Is.EqualTo(SignatureCheck.MissingHeaders));
    }

    [Test]
    public void Check_OtherAlgorithm_IsRefused() =>
        Assert.That(Check(Headers(algorithm: "HmacSHA1")), Is.EqualTo(SignatureCheck.UnsupportedAlgorithm));
}
