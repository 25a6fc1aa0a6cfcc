using System.Security.Cryptography;

namespace Kakao.Emulator.Webhooks;

/// <summary>
/// ULIDs, the form of Sinch's callback nonces (the definition's example <c>01EAW2BNWCG9DC13RS582V0ZQ3</c>):
/// 26 Crockford base32 characters, a 48-bit millisecond timestamp followed by 80 random bits.
/// </summary>
internal static class Ulid
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    public static string New(DateTimeOffset time)
    {
        Span<byte> bytes = stackalloc byte[16];
        long milliseconds = Math.Max(0, time.ToUnixTimeMilliseconds());
        for (int i = 5; i >= 0; i--)
        {
            bytes[i] = (byte)(milliseconds & 0xFF);
            milliseconds >>= 8;
        }

        RandomNumberGenerator.Fill(bytes[6..]);

        // 128 bits as 26 base32 digits: the first digit carries the top 3 bits (so it is 0..7).
        UInt128 value = 0;
        foreach (byte b in bytes)
        {
            value = (value << 8) | b;
        }

        Span<char> text = stackalloc char[26];
        for (int i = 25; i >= 0; i--)
        {
            text[i] = Alphabet[(int)(value & 31)];
            value >>= 5;
        }

        return new string(text);
    }
}
