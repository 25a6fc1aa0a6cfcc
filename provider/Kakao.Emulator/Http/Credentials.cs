using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Kakao.Emulator.State;

namespace Kakao.Emulator.Http;

/// <summary>The outcome of checking a request's Authorization header.</summary>
internal enum AuthResult
{
    Ok,
    Missing,
    Invalid,
    ExpiredToken,
}

/// <summary>
/// The access key (Basic) and the bearer tokens issued by /oauth2/token. Tokens are JWT-shaped (the definition's
/// <c>bearerFormat: JWT</c>): <c>header.claims.signature</c>, HS256 with a key of this process, claims
/// <c>iss, sub (key id), iat, exp, jti</c>. They are checked by lookup, not by signature: only their SHA-256
/// hashes are kept (in the state, so a restart does not log clients out).
/// </summary>
internal sealed class Credentials(string keyId, string keySecret, TimeProvider time)
{
    public static readonly TimeSpan TokenLifetime = TimeSpan.FromHours(1);

    private static readonly string JwtHeader = Base64Url("""{"alg":"HS256","typ":"JWT"}"""u8);

    private readonly byte[] _expected = Encoding.UTF8.GetBytes(keyId + ":" + keySecret);
    private readonly byte[] _signingKey = RandomNumberGenerator.GetBytes(32);

    /// <summary>Whether a Basic header value (base64 of id:secret) names the configured key.</summary>
    public bool IsValidBasic(string? parameter)
    {
        if (string.IsNullOrEmpty(parameter))
        {
            return false;
        }

        byte[] decoded;
        try
        {
            decoded = Convert.FromBase64String(parameter.Trim());
        }
        catch (FormatException)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(decoded, _expected);
    }

    public bool IsValidKey(string? id, string? secret) =>
        id is not null && secret is not null
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(id + ":" + secret), _expected);

    /// <summary>Issues a token and remembers its hash (under the store lock).</summary>
    public string Issue(EmulatorState state)
    {
        var now = time.GetUtcNow();
        state.Tokens.RemoveAll(t => t.ExpiresAt <= now);
        string token = NewJwt(now);
        state.Tokens.Add(new IssuedToken { Hash = Hash(token), ExpiresAt = now + TokenLifetime });
        state.Revision++;
        return token;
    }

    /// <summary>Checks an Authorization header against the key or the issued tokens (under the store lock).</summary>
    public AuthResult Check(EmulatorState state, string? authorization)
    {
        if (string.IsNullOrWhiteSpace(authorization) || !AuthenticationHeaderValue.TryParse(authorization, out var header))
        {
            return string.IsNullOrWhiteSpace(authorization) ? AuthResult.Missing : AuthResult.Invalid;
        }

        if (header.Scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase))
        {
            return IsValidBasic(header.Parameter) ? AuthResult.Ok : AuthResult.Invalid;
        }

        if (header.Scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase) && !string.IsNullOrEmpty(header.Parameter))
        {
            string hash = Hash(header.Parameter);
            var issued = state.Tokens.Find(t => t.Hash == hash);
            if (issued is null)
            {
                return AuthResult.Invalid;
            }

            return issued.ExpiresAt > time.GetUtcNow() ? AuthResult.Ok : AuthResult.ExpiredToken;
        }

        return AuthResult.Invalid;
    }

    private string NewJwt(DateTimeOffset now)
    {
        using var buffer = new MemoryStream();
        using (var writer = new System.Text.Json.Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("iss", "kakao-emulator");
            writer.WriteString("sub", keyId);
            writer.WriteNumber("iat", now.ToUnixTimeSeconds());
            writer.WriteNumber("exp", (now + TokenLifetime).ToUnixTimeSeconds());
            writer.WriteString("jti", Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)));
            writer.WriteEndObject();
        }

        string unsigned = JwtHeader + "." + Base64Url(buffer.ToArray());
        return unsigned + "." + Base64Url(HMACSHA256.HashData(_signingKey, Encoding.ASCII.GetBytes(unsigned)));
    }

    private static string Base64Url(ReadOnlySpan<byte> bytes) => System.Buffers.Text.Base64Url.EncodeToString(bytes);

    private static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
