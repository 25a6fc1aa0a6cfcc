namespace Kakao.EngineHarness.Values;

/// <summary>The shape of a <see cref="PropertyValue"/>.</summary>
public enum PropertyValueKind
{
    /// <summary>An explicit null.</summary>
    Null,

    /// <summary>A boolean.</summary>
    Bool,

    /// <summary>A number (the wire carries every number as a double).</summary>
    Number,

    /// <summary>A string.</summary>
    String,

    /// <summary>An ordered list of values.</summary>
    Array,

    /// <summary>A map from property names to values.</summary>
    Object,

    /// <summary>A value marked secret; the engine encrypts it in state and masks it in output.</summary>
    Secret,

    /// <summary>A value not known yet (preview, or an output of a resource that does not exist yet).</summary>
    Unknown,
}
