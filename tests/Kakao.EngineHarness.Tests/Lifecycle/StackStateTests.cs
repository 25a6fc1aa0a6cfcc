using Kakao.EngineHarness.Lifecycle;
using Kakao.EngineHarness.Results;
using Kakao.EngineHarness.Values;

namespace Kakao.EngineHarness.Tests.Lifecycle;

public class StackStateTests
{
    private static readonly ResourceUrn Urn = new("dev", "shop", "kakao:index:KakaoSender", "sender");

    [Test]
    public void Put_SameUrnTwice_KeepsLatest()
    {
        var state = new StackState();

        state.Put(new ResourceState(Urn, "a", PropertyMap.Empty, PropertyMap.Empty));
        state.Put(new ResourceState(Urn, "b", PropertyMap.Empty, PropertyMap.Empty));

        Assert.That(state.Resources.Single().Id, Is.EqualTo("b"));
    }

    [Test]
    public void Clear_WithResources_EmptiesState()
    {
        var state = new StackState();
        state.Put(new ResourceState(Urn, "a", PropertyMap.Empty, PropertyMap.Empty));

        state.Clear();

        Assert.Multiple(() =>
        {
            Assert.That(state.Resources, Is.Empty);
            Assert.That(state.Find(Urn), Is.Null);
        });
    }

    [Test]
    public void Get_UnknownUrn_ThrowsNamingIt()
    {
        Assert.That(() => new StackState().Get(Urn), Throws.TypeOf<KeyNotFoundException>().With.Message.Contains(Urn.ToString()));
    }

    [Test]
    public void ToString_Urn_HasEngineFormat()
    {
        Assert.That(Urn.ToString(), Is.EqualTo("urn:pulumi:dev::shop::kakao:index:KakaoSender::sender"));
    }
}
