using System.Text.Json.Serialization;

namespace Kakao.Provisioning.Models;

/// <summary>
/// The type of an added comment (<c>KakaotalkCommentTypeEnum</c>). Values the API adds later pass through as data.
/// </summary>
[JsonConverter(typeof(ExtensibleEnumJsonConverter<CommentType>))]
public readonly struct CommentType : IExtensibleEnum<CommentType>
{
    private const string CreatedValue = "CREATED";
    private readonly string? _value;

    /// <summary>Creates a value from its wire text (known or not).</summary>
    /// <param name="value">The text the API uses, e.g. <c>CREATED</c>.</param>
    public CommentType(string value) => _value = value ?? throw new ArgumentNullException(nameof(value));

    /// <summary><c>CREATED</c>: The comment was created (the only value today).</summary>
    public static CommentType Created { get; } = new(CreatedValue);

    /// <summary>The wire text.</summary>
    public string Value => _value ?? "";

    /// <summary>Converts wire text to a value.</summary>
    /// <param name="value">The text.</param>
    public static implicit operator CommentType(string value) => new(value);

    /// <summary>True when both carry the same text (case-insensitive, as the Azure SDK compares).</summary>
    /// <param name="left">One value.</param>
    /// <param name="right">The other value.</param>
    public static bool operator ==(CommentType left, CommentType right) => left.Equals(right);

    /// <summary>True when the texts differ.</summary>
    /// <param name="left">One value.</param>
    /// <param name="right">The other value.</param>
    public static bool operator !=(CommentType left, CommentType right) => !left.Equals(right);

    /// <inheritdoc />
    public static CommentType FromValue(string value) => new(value);

    /// <inheritdoc />
    public bool Equals(CommentType other) => string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is CommentType other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(Value);

    /// <inheritdoc />
    public override string ToString() => Value;
}
