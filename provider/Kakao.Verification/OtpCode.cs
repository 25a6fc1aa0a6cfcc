using System.Globalization;

namespace Kakao.Verification;

/// <summary>
/// A one-time code. Deliberately opaque: <see cref="ToString"/> masks it, so it cannot leak through string
/// interpolation into logs, messages or exceptions; only <see cref="Value"/> (sent to the API) reveals it.
/// </summary>
public readonly struct OtpCode : IEquatable<OtpCode>
{
    private OtpCode(int value) => Value = value;

    /// <summary>The code as the API wants it (a JSON number).</summary>
    public int Value { get; }

    /// <summary>Accepts exactly six digits, surrounding blanks ignored (spaces inside are tolerated: "123 456").</summary>
    /// <param name="text">What was typed or stored.</param>
    /// <param name="code">The code, when the text holds one.</param>
    public static bool TryParse(string? text, out OtpCode code)
    {
        code = default;
        var digits = text?.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal).Trim();
        if (digits is not { Length: 6 } || !digits.All(char.IsAsciiDigit))
        {
            return false;
        }

        code = new OtpCode(int.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture));
        return true;
    }

    /// <summary>Always <c>******</c>: the code never reaches a message.</summary>
    public override string ToString() => "******";

    /// <inheritdoc />
    public bool Equals(OtpCode other) => Value == other.Value;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is OtpCode other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => Value;

    /// <summary>Equal codes.</summary>
    /// <param name="left">A code.</param>
    /// <param name="right">Another code.</param>
    public static bool operator ==(OtpCode left, OtpCode right) => left.Equals(right);

    /// <summary>Different codes.</summary>
    /// <param name="left">A code.</param>
    /// <param name="right">Another code.</param>
    public static bool operator !=(OtpCode left, OtpCode right) => !left.Equals(right);
}
