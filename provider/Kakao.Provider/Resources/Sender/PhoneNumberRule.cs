using System.Collections.Frozen;

namespace Kakao.Provider.Resources.Sender;

/// <summary>
/// E.164 check of the admin phone number, without the network and without a phone-number library (see
/// docs/provider.md, "Inputs", for why): a '+', an assigned ITU-T country calling code, and a national number of
/// a length that country uses; at most 15 characters in all (the API's limit).
/// </summary>
/// <remarks>
/// Calling codes are prefix-free, so the first one, two or three digits name exactly one code. Countries
/// listed in <see cref="NationalLengths"/> (those with one fixed numbering length, and Korea, whose admins are
/// the usual KakaoTalk users) are checked exactly; every other code accepts 4 to 15 − code digits.
/// </remarks>
internal static class PhoneNumberRule
{
    /// <summary>Longest number the API accepts, '+' included.</summary>
    public const int MaxLength = 15;

    private const int MinNationalDigits = 4;

    private static readonly FrozenSet<int> OneDigit = FrozenSet.ToFrozenSet([1, 7]);

    private static readonly FrozenSet<int> TwoDigits = FrozenSet.ToFrozenSet(
    [
        20, 27, 30, 31, 32, 33, 34, 36, 39, 40, 41, 43, 44, 45, 46, 47, 48, 49, 51, 52, 53, 54, 55, 56, 57, 58,
        60, 61, 62, 63, 64, 65, 66, 81, 82, 84, 86, 90, 91, 92, 93, 94, 95, 98,
    ]);

    private static readonly FrozenSet<int> ThreeDigits = FrozenSet.ToFrozenSet(
        new[] { 211, 212, 213, 216, 218 }
            .Concat(Enumerable.Range(220, 39))
            .Concat(Enumerable.Range(260, 10))
            .Concat([290, 291, 297, 298, 299])
            .Concat(Enumerable.Range(350, 10))
            .Concat(Enumerable.Range(370, 14))
            .Concat([385, 386, 387, 389, 420, 421, 423])
            .Concat(Enumerable.Range(500, 10))
            .Concat(Enumerable.Range(590, 10))
            .Concat([670])
            .Concat(Enumerable.Range(672, 12))
            .Concat(Enumerable.Range(685, 8))
            .Concat([800, 808, 850, 852, 853, 855, 856, 870, 878, 880, 881, 882, 883, 886, 888])
            .Concat(Enumerable.Range(960, 9))
            .Concat(Enumerable.Range(970, 8))
            .Concat([979, 992, 993, 994, 995, 996, 998]));

    /// <summary>National significant number lengths (min, max) of countries checked exactly.</summary>
    private static readonly FrozenDictionary<int, (int Min, int Max)> NationalLengths = new Dictionary<int, (int, int)>
    {
        [1] = (10, 10),   // North American Numbering Plan
        [7] = (10, 10),   // Russia, Kazakhstan
        [33] = (9, 9),    // France
        [34] = (9, 9),    // Spain
        [48] = (9, 9),    // Poland
        [52] = (10, 10),  // Mexico
        [61] = (9, 9),    // Australia
        [65] = (8, 8),    // Singapore
        [82] = (8, 11),   // Republic of Korea (mobile 010-xxxx-xxxx is 10)
        [91] = (10, 10),  // India
    }.ToFrozenDictionary();

    /// <summary>Why <paramref name="number"/> (separators already removed) is not E.164, or null when it is.</summary>
    public static string? Problem(string number)
    {
        if (number.Length > MaxLength)
        {
            return $"is longer than {MaxLength} characters";
        }

        if (number.Length == 0 || number[0] != '+')
        {
            return number.StartsWith('0')
                ? "is written in national format; write it with '+' and the country calling code instead of the leading 0 (e.g. 010-1234-5678 in Korea is +821012345678)"
                : "must start with '+' and the country calling code";
        }

        var digits = number.AsSpan(1);
        foreach (var c in digits)
        {
            if (!char.IsAsciiDigit(c))
            {
                return "may contain only digits after the '+' (and the separators that are removed)";
            }
        }

        if (CountryCodeLength(digits) is not { } codeLength)
        {
            return "does not start with an assigned country calling code";
        }

        int code = int.Parse(digits[..codeLength], provider: System.Globalization.CultureInfo.InvariantCulture);
        int national = digits.Length - codeLength;
        var (min, max) = NationalLengths.TryGetValue(code, out var lengths) ? lengths : (MinNationalDigits, MaxLength - 1 - codeLength);
        if (national < min || national > max)
        {
            return min == max
                ? $"has {national} digits after the country code +{code}, which uses {min}"
                : $"has {national} digits after the country code +{code}, which uses {min} to {max}";
        }

        return null;
    }

    private static int? CountryCodeLength(ReadOnlySpan<char> digits)
    {
        for (int length = 1; length <= 3 && length <= digits.Length; length++)
        {
            int code = int.Parse(digits[..length], provider: System.Globalization.CultureInfo.InvariantCulture);
            var table = length switch { 1 => OneDigit, 2 => TwoDigits, _ => ThreeDigits };
            if (table.Contains(code))
            {
                return length;
            }
        }

        return null;
    }
}
