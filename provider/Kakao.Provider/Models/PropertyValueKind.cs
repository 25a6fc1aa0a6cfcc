namespace Kakao.Provider.Models;

/// <summary>What a <see cref="PropertyValue"/> holds.</summary>
internal enum PropertyValueKind
{
    Null,
    Bool,
    Number,
    String,
    Array,
    Object,

    /// <summary>A value marked secret; the wrapped value is never logged.</summary>
    Secret,

    /// <summary>A value not known yet (preview, or depends on a resource not created yet).</summary>
    Computed,

    /// <summary>An output value: maybe-known value, secretness and dependencies together.</summary>
    Output,
}
