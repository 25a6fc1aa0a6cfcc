using Kakao.EngineHarness.Values;

namespace Kakao.Reliability.Tests.MalformedInput;

/// <summary>
/// One generated input. <see cref="Property"/> is the property the provider must name when it rejects it;
/// <see cref="MustReject"/> is false for odd-but-legal values (unknowns, empty optional values), which may
/// be accepted but must never crash anything.
/// </summary>
internal sealed record MalformedCase(string Description, PropertyMap Inputs, string Property, bool MustReject)
{
    public override string ToString() => Description;
}
