namespace Kakao.EngineHarness.Values;

/// <summary>The expected type of an unknown value; each has its own sentinel string on the wire.</summary>
public enum UnknownKind
{
    /// <summary>An unknown string.</summary>
    String,

    /// <summary>An unknown boolean.</summary>
    Bool,

    /// <summary>An unknown number.</summary>
    Number,

    /// <summary>An unknown array.</summary>
    Array,

    /// <summary>An unknown object.</summary>
    Object,

    /// <summary>An unknown asset.</summary>
    Asset,

    /// <summary>An unknown archive.</summary>
    Archive,
}
