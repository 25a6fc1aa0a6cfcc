namespace Kakao.Provider.Models;

/// <summary>The type an unknown value will have once known; each has its own sentinel on the wire.</summary>
internal enum UnknownType
{
    String,
    Bool,
    Number,
    Array,
    Object,
    Asset,
    Archive,
}
