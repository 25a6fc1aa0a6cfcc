using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Kakao.Cli.Webhooks;

/// <summary>Why a callback was accepted or refused.</summary>
internal enum SignatureCheck
{
    Valid,
    MissingHeaders,
    UnsupportedAlgorithm,
    BadSignature,
    StaleTimestamp,

    /// <summary>Authentic, but its event was already processed: a redelivery (or a replay) to acknowledge and ignore.</summary>
    ReplayedNonce,

    /// <summary>Authentic, and the same event is being processed right now: the sender should try again later.</summary>
    InFlight,
}

/// <summary>
/// Checks Sinch webhook signatures: base64 HMAC-SHA256 with the webhook secret over
/// <c>rawBody + "." + nonce + "." + timestamp</c> (headers <c>x-sinch-webhook-signature</c>, <c>-algorithm</c>,
/// <c>-nonce</c>, <c>-timestamp</c> in unix seconds). Refuses timestamps more than five minutes away from the
/// clock. Sinch redelivers a callback it could not deliver with the same nonce and timestamp, so a nonce only
/// counts as used once its event was processed (<see cref="MarkProcessed"/>): a redelivery of an event that failed
/// is accepted again, one of an event already handled is <see cref="SignatureCheck.ReplayedNonce"/> — to be
/// acknowledged without handling it twice. A nonce is reserved while its event is processed, so two concurrent
/// copies are never both handled.
/// </summary>
internal sealed class WebhookSignatureValidator
{
    public const string SignatureHeader = "x-sinch-webhook-signature";
    public const string AlgorithmHeader = "x-sinch-webhook-signature-algorithm";
    public const string NonceHeader = "x-sinch-webhook-signature-nonce";
    public const string TimestampHeader = "x-sinch-webhook-signature-timestamp";
    public const string Algorithm = "HmacSHA256";

    public static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);

    private readonly byte[] _key;
    private readonly TimeProvider _timeProvider;
    private readonly Dictionary<string, DateTimeOffset> _seenNonces = new(StringComparer.Ordinal);
    private readonly HashSet<string> _inFlight = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public WebhookSignatureValidator(string secret, TimeProvider timeProvider)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        _key = Encoding.UTF8.GetBytes(secret);
        _timeProvider = timeProvider;
    }

    /// <summary>Computes the signature the sender must send (also used by tests and the docs' example).</summary>
    public static string Sign(string secret, ReadOnlySpan<byte> rawBody, string nonce, string timestamp)
    {
        var suffix = Encoding.UTF8.GetBytes("." + nonce + "." + timestamp);
        var data = new byte[rawBody.Length + suffix.Length];
        rawBody.CopyTo(data);
        suffix.CopyTo(data.AsSpan(rawBody.Length));
        return Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), data));
    }

    public SignatureCheck Check(ReadOnlySpan<byte> rawBody, Func<string, string?> header)
    {
        ArgumentNullException.ThrowIfNull(header);
        var signature = header(SignatureHeader);
        var nonce = header(NonceHeader);
        var timestamp = header(TimestampHeader);
        var algorithm = header(AlgorithmHeader);
        if (string.IsNullOrEmpty(signature) || string.IsNullOrEmpty(nonce) || string.IsNullOrEmpty(timestamp))
        {
            return SignatureCheck.MissingHeaders;
        }

        if (algorithm is not null && !algorithm.Equals(Algorithm, StringComparison.OrdinalIgnoreCase))
        {
            return SignatureCheck.UnsupportedAlgorithm;
        }

        if (!VerifyMac(rawBody, nonce, timestamp, signature))
        {
            return SignatureCheck.BadSignature;
        }

        // Only authentic callbacks reach the clock and nonce checks, so forged ones cannot fill the cache.
        var now = _timeProvider.GetUtcNow();
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds()
            || (now - DateTimeOffset.FromUnixTimeSeconds(seconds)).Duration() > Tolerance)
        {
            return SignatureCheck.StaleTimestamp;
        }

        lock (_gate)
        {
            foreach (var old in _seenNonces.Where(kv => now - kv.Value > Tolerance * 2).Select(kv => kv.Key).ToList())
            {
                _seenNonces.Remove(old);
            }

            if (_seenNonces.ContainsKey(nonce))
            {
                return SignatureCheck.ReplayedNonce;
            }

            return _inFlight.Add(nonce) ? SignatureCheck.Valid : SignatureCheck.InFlight;
        }
    }

    /// <summary>The event of a <see cref="SignatureCheck.Valid"/> callback was handled: later copies are ignored.</summary>
    public void MarkProcessed(string nonce)
    {
        lock (_gate)
        {
            _inFlight.Remove(nonce);
            _seenNonces[nonce] = _timeProvider.GetUtcNow();
        }
    }

    /// <summary>The event of a <see cref="SignatureCheck.Valid"/> callback was not handled: a redelivery may try again.</summary>
    public void Release(string nonce)
    {
        lock (_gate)
        {
            _inFlight.Remove(nonce);
        }
    }

    private bool VerifyMac(ReadOnlySpan<byte> rawBody, string nonce, string timestamp, string signature)
    {
        Span<byte> given = stackalloc byte[64];
        if (!Convert.TryFromBase64String(signature.Trim(), given, out var written) || written != HMACSHA256.HashSizeInBytes)
        {
            return false;
        }

        var suffix = Encoding.UTF8.GetBytes("." + nonce + "." + timestamp);
        using var mac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, _key);
        mac.AppendData(rawBody);
        mac.AppendData(suffix);
        Span<byte> expected = stackalloc byte[HMACSHA256.HashSizeInBytes];
        mac.GetHashAndReset(expected);
        return CryptographicOperations.FixedTimeEquals(expected, given[..written]);
    }
}
