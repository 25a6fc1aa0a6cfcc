using System.Text.Json;
using System.Text.Json.Serialization;

namespace Kakao.Provisioning.Models;

/// <summary>
/// An enum of the API as an extensible value (the Azure SDK's pattern): a string-backed struct with the known
/// values as static members, compared case-insensitively, and any other text kept as data, so a value Sinch adds
/// later neither fails deserialization nor gets lost.
/// </summary>
/// <typeparam name="TSelf">The implementing struct.</typeparam>
public interface IExtensibleEnum<TSelf> : IEquatable<TSelf>
    where TSelf : struct, IExtensibleEnum<TSelf>
{
    /// <summary>The wire text (empty for <c>default</c>).</summary>
    string Value { get; }

    /// <summary>Makes a value from its wire text.</summary>
    /// <param name="value">The text.</param>
    static abstract TSelf FromValue(string value);
}

/// <summary>
/// Reads and writes an <see cref="IExtensibleEnum{TSelf}"/> as a JSON string, also as a dictionary key. It has no
/// reflection in it, so source-generated serializer contexts use it as it is (trim and AOT safe).
/// </summary>
/// <typeparam name="T">The extensible enum.</typeparam>
public sealed class ExtensibleEnumJsonConverter<T> : JsonConverter<T>
    where T : struct, IExtensibleEnum<T>
{
    /// <inheritdoc />
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String
            ? T.FromValue(reader.GetString()!)
            : throw new JsonException($"Expected a string for {typeof(T).Name}, got {reader.TokenType}.");

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.Value);
    }

    /// <inheritdoc />
    public override T ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        T.FromValue(reader.GetString()!);

    /// <inheritdoc />
    public override void WriteAsPropertyName(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WritePropertyName(value.Value);
    }
}
