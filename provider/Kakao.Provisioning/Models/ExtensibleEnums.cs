using System.Text.Json;
using System.Text.Json.Serialization;

namespace Kakao.Provisioning.Models;

/// <summary>
/// The live state of a sender (<c>KakaotalkSenderStatesEnum</c>). Values the API adds later are kept as data.
/// </summary>
[JsonConverter(typeof(SenderStateJsonConverter))]
public readonly record struct SenderState(string Value)
{
    /// <summary>The sender can send messages.</summary>
    public static SenderState Active { get; } = new("ACTIVE");
    /// <summary>The sender was blocked by KakaoTalk.</summary>
    public static SenderState Blocked { get; } = new("BLOCKED");
    /// <summary>Approved (or deactivated) and not yet verified.</summary>
    public static SenderState Inactive { get; } = new("INACTIVE");
    /// <summary>The sender was suspended.</summary>
    public static SenderState Suspended { get; } = new("SUSPENDED");
    /// <summary>A one-time code was sent to the admin phone; waiting for verify.</summary>
    public static SenderState Verifying { get; } = new("VERIFYING");

    /// <inheritdoc />
    public override string ToString() => Value;
}

/// <summary>
/// The status of a pending submission (<c>KakaotalkSenderStatusesEnum</c>). Unknown values are kept as data.
/// </summary>
[JsonConverter(typeof(ChangesStatusJsonConverter))]
public readonly record struct ChangesStatus(string Value)
{
    /// <summary>Saved, not submitted for review.</summary>
    public static ChangesStatus Draft { get; } = new("DRAFT");
    /// <summary>Submitted and under review.</summary>
    public static ChangesStatus InProgress { get; } = new("IN_PROGRESS");
    /// <summary>Rejected by review; the reason is a comment in the activities.</summary>
    public static ChangesStatus Rejected { get; } = new("REJECTED");

    /// <inheritdoc />
    public override string ToString() => Value;
}

/// <summary>The type of a sender activity (<c>KakaotalkSenderNotificationTypeEnum</c>). Unknown values are kept.</summary>
[JsonConverter(typeof(ActivityTypeJsonConverter))]
public readonly record struct ActivityType(string Value)
{
    /// <summary>The sender became active.</summary>
    public static ActivityType Active { get; } = new("ACTIVE");
    /// <summary>A comment was added (rejection reasons arrive this way).</summary>
    public static ActivityType CommentAdded { get; } = new("COMMENT_ADDED");
    /// <summary>The sender was created.</summary>
    public static ActivityType Created { get; } = new("CREATED");
    /// <summary>A draft was saved.</summary>
    public static ActivityType Draft { get; } = new("DRAFT");
    /// <summary>The sender was edited.</summary>
    public static ActivityType Edited { get; } = new("EDITED");
    /// <summary>Submitted for review.</summary>
    public static ActivityType InProgress { get; } = new("IN_PROGRESS");
    /// <summary>Approved or deactivated: the sender is inactive.</summary>
    public static ActivityType Inactive { get; } = new("INACTIVE");
    /// <summary>Review rejected the submission.</summary>
    public static ActivityType Rejected { get; } = new("REJECTED");

    /// <inheritdoc />
    public override string ToString() => Value;
}

/// <summary>Whether a create or update is submitted for review or kept as a draft (<c>KakaotalkActionsEnum</c>).</summary>
[JsonConverter(typeof(SubmitActionJsonConverter))]
public readonly record struct SubmitAction(string Value)
{
    /// <summary>Submit the details for review.</summary>
    public static SubmitAction Submit { get; } = new("SUBMIT");
    /// <summary>Only save the details as a draft.</summary>
    public static SubmitAction Draft { get; } = new("DRAFT");

    /// <inheritdoc />
    public override string ToString() => Value;
}

internal abstract class StringValueConverter<T> : JsonConverter<T> where T : struct
{
    protected abstract T Create(string value);

    protected abstract string ValueOf(T value);

    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String
            ? Create(reader.GetString()!)
            : throw new JsonException($"Expected a string for {typeof(T).Name}.");

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
        writer.WriteStringValue(ValueOf(value));
}

internal sealed class SenderStateJsonConverter : StringValueConverter<SenderState>
{
    protected override SenderState Create(string value) => new(value);
    protected override string ValueOf(SenderState value) => value.Value;
}

internal sealed class ChangesStatusJsonConverter : StringValueConverter<ChangesStatus>
{
    protected override ChangesStatus Create(string value) => new(value);
    protected override string ValueOf(ChangesStatus value) => value.Value;
}

internal sealed class ActivityTypeJsonConverter : StringValueConverter<ActivityType>
{
    protected override ActivityType Create(string value) => new(value);
    protected override string ValueOf(ActivityType value) => value.Value;
}

internal sealed class SubmitActionJsonConverter : StringValueConverter<SubmitAction>
{
    protected override SubmitAction Create(string value) => new(value);
    protected override string ValueOf(SubmitAction value) => value.Value;
}
