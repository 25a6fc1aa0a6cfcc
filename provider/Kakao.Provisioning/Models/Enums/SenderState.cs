using System.Text.Json.Serialization;

namespace Kakao.Provisioning.Models;

/// <summary>
/// The live state of a sender (<c>KakaotalkSenderStatesEnum</c>). Values the API adds later pass through as data.
/// </summary>
[JsonConverter(typeof(ExtensibleEnumJsonConverter<SenderState>))]
public readonly struct SenderState : IExtensibleEnum<SenderState>
{
    private const string ActiveValue = "ACTIVE";
    private const string BlockedValue = "BLOCKED";
    private const string InactiveValue = "INACTIVE";
    private const string SuspendedValue = "SUSPENDED";
    private const string VerifyingValue = "VERIFYING";
    private readonly string? _value;

    /// <summary>Creates a value from its wire text (known or not).</summary>
    /// <param name="value">The text the API uses, e.g. <c>ACTIVE</c>.</param>
    public SenderState(string value) => _value = value ?? throw new ArgumentNullException(nameof(value));

    /// <summary><c>ACTIVE</c>: The sender can send messages.</summary>
    public static SenderState Active { get; } = new(ActiveValue);

    /// <summary><c>BLOCKED</c>: The sender was blocked by KakaoTalk.</summary>
    public static SenderState Blocked { get; } = new(BlockedValue);

    /// <summary><c>INACTIVE</c>: Approved (or deactivated) and not yet verified.</summary>
    public static SenderState Inactive { get; } = new(InactiveValue);

    /// <summary><c>SUSPENDED</c>: The sender was suspended.</summary>
    public static SenderState Suspended { get; } = new(SuspendedValue);

    /// <summary><c>VERIFYING</c>: A one-time code was sent to the admin phone; waiting for verify.</summary>
    public static SenderState Verifying { get; } = new(VerifyingValue);

    /// <summary>The wire text.</summary>
    public string Value => _value ?? "";

    /// <summary>Converts wire text to a value.</summary>
    /// <param name="value">The text.</param>
    public static implicit operator SenderState(string value) => new(value);

    /// <summary>True when both carry the same text (case-insensitive, as the Azure SDK compares).</summary>
    /// <param name="left">One value.</param>
    /// <param name="right">The other value.</param>
    public static bool operator ==(SenderState left, SenderState right) => left.Equals(right);

    /// <summary>True when the texts differ.</summary>
    /// <param name="left">One value.</param>
    /// <param name="right">The other value.</param>
    public static bool operator !=(SenderState left, SenderState right) => !left.Equals(right);

    /// <inheritdoc />
    public static SenderState FromValue(string value) => new(value);

    /// <inheritdoc />
    public bool Equals(SenderState other) => string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is SenderState other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(Value);

    /// <inheritdoc />
    public override string ToString() => Value;
}
