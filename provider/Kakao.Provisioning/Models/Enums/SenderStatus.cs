using System.Text.Json.Serialization;

namespace Kakao.Provisioning.Models;

/// <summary>
/// The phase of a sender's life as users think of it, derived by <see cref="SenderLifecycle"/> from the API's <c>state</c>, <c>changes.status</c> and the activities. Values the API adds later pass through as data.
/// </summary>
[JsonConverter(typeof(ExtensibleEnumJsonConverter<SenderStatus>))]
public readonly struct SenderStatus : IExtensibleEnum<SenderStatus>
{
    private const string DraftValue = "DRAFT";
    private const string InProgressValue = "IN_PROGRESS";
    private const string RejectedValue = "REJECTED";
    private const string PendingVerificationValue = "PENDING_VERIFICATION";
    private const string VerifyingValue = "VERIFYING";
    private const string ActiveValue = "ACTIVE";
    private const string InactiveValue = "INACTIVE";
    private const string BlockedValue = "BLOCKED";
    private const string SuspendedValue = "SUSPENDED";
    private readonly string? _value;

    /// <summary>Creates a value from its wire text (known or not).</summary>
    /// <param name="value">The text the API uses, e.g. <c>DRAFT</c>.</param>
    public SenderStatus(string value) => _value = value ?? throw new ArgumentNullException(nameof(value));

    /// <summary><c>DRAFT</c>: Saved as a draft, never submitted.</summary>
    public static SenderStatus Draft { get; } = new(DraftValue);

    /// <summary><c>IN_PROGRESS</c>: Under review.</summary>
    public static SenderStatus InProgress { get; } = new(InProgressValue);

    /// <summary><c>REJECTED</c>: Rejected by review: edit and resubmit.</summary>
    public static SenderStatus Rejected { get; } = new(RejectedValue);

    /// <summary><c>PENDING_VERIFICATION</c>: Approved; waiting for register + verify with the one-time code.</summary>
    public static SenderStatus PendingVerification { get; } = new(PendingVerificationValue);

    /// <summary><c>VERIFYING</c>: A code was sent to the admin phone; waiting for verify.</summary>
    public static SenderStatus Verifying { get; } = new(VerifyingValue);

    /// <summary><c>ACTIVE</c>: Verified and able to send.</summary>
    public static SenderStatus Active { get; } = new(ActiveValue);

    /// <summary><c>INACTIVE</c>: Deactivated after having been active.</summary>
    public static SenderStatus Inactive { get; } = new(InactiveValue);

    /// <summary><c>BLOCKED</c>: Blocked by KakaoTalk.</summary>
    public static SenderStatus Blocked { get; } = new(BlockedValue);

    /// <summary><c>SUSPENDED</c>: Suspended.</summary>
    public static SenderStatus Suspended { get; } = new(SuspendedValue);

    /// <summary>The wire text.</summary>
    public string Value => _value ?? "";

    /// <summary>Converts wire text to a value.</summary>
    /// <param name="value">The text.</param>
    public static implicit operator SenderStatus(string value) => new(value);

    /// <summary>True when both carry the same text (case-insensitive, as the Azure SDK compares).</summary>
    /// <param name="left">One value.</param>
    /// <param name="right">The other value.</param>
    public static bool operator ==(SenderStatus left, SenderStatus right) => left.Equals(right);

    /// <summary>True when the texts differ.</summary>
    /// <param name="left">One value.</param>
    /// <param name="right">The other value.</param>
    public static bool operator !=(SenderStatus left, SenderStatus right) => !left.Equals(right);

    /// <inheritdoc />
    public static SenderStatus FromValue(string value) => new(value);

    /// <inheritdoc />
    public bool Equals(SenderStatus other) => string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is SenderStatus other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(Value);

    /// <inheritdoc />
    public override string ToString() => Value;
}
