namespace Kakao.Architecture.Tests.Fixtures.Cycle.Right;

/// <summary>The other half of the namespace cycle, on purpose.</summary>
internal sealed class RightThing
{
    public Left.LeftThing? Partner { get; set; }
}
