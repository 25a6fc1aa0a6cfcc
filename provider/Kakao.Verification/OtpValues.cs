namespace Kakao.Verification;

/// <summary>Reads codes out of what a secret store holds (one code, or <c>plusFriendId=code</c> pairs).</summary>
internal static class OtpValues
{
    /// <summary>
    /// Picks the code for one sender from a value holding either a single code (every sender) or lines / commas
    /// of <c>plusFriendId=code</c> pairs.
    /// </summary>
    public static OtpRead Pick(string? value, string plusFriendId, string description)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return OtpRead.Missing($"{description} is empty");
        }

        var entries = value.Split(['\n', ',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        string? candidate = null;
        foreach (var entry in entries)
        {
            var eq = entry.IndexOf('=', StringComparison.Ordinal);
            if (eq < 0)
            {
                candidate ??= entry;
            }
            else if (entry[..eq].Trim().Equals(plusFriendId, StringComparison.Ordinal))
            {
                candidate = entry[(eq + 1)..];
                break;
            }
        }

        if (candidate is null)
        {
            return OtpRead.Missing($"{description} holds no code for {plusFriendId}");
        }

        return OtpCode.TryParse(candidate, out var code) ? OtpRead.Of(code) : OtpRead.Missing($"{description} does not hold a 6-digit code");
    }
}
