namespace Kakao.Architecture.Tests.Fixtures.Cycle.Left;

/// <summary>Half of a namespace cycle, on purpose (see <see cref="RulesFailWhenBrokenTests"/>).</summary>
internal sealed class LeftThing
{
    public Right.RightThing? Partner { get; set; }
}
