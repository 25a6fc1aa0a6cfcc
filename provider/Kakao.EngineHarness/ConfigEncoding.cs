namespace Kakao.EngineHarness;

/// <summary>How Configure carries the configuration; engines of different ages send different fields.</summary>
public enum ConfigEncoding
{
    /// <summary>Both the <c>args</c> Struct and the legacy <c>variables</c> map, as current engines send them.</summary>
    ArgsAndVariables,

    /// <summary>Only the legacy <c>variables</c> map (<c>package:config:key</c> to string), as older engines send it.</summary>
    VariablesOnly,

    /// <summary>Only the <c>args</c> Struct.</summary>
    ArgsOnly,
}
