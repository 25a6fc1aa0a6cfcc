namespace Kakao.Architecture.Tests.Fixtures.Domain;

/// <summary>Domain code that sees a protobuf type, as the plugin's domain must not (on purpose).</summary>
internal sealed class LeakyDomain
{
    public Google.Protobuf.WellKnownTypes.Struct? Wire { get; set; }
}
