using Kakao.Provider.Models;

namespace Kakao.Provider.Tests.Models;

public class PropertyValueTests
{
    [Test]
    public void ToString_Secret_NeverShowsTheValue()
    {
        var map = new PropertyMapBuilder().Set("adminPhoneNo", PropertyValue.Secret(PropertyValue.Create("+48777777777"))).Build();

        Assert.That(map.ToString(), Does.Not.Contain("777").And.Contain("[secret]"));
    }

    [Test]
    public void Unwrap_SecretInsideOutput_ReturnsInnerValueAndSecret()
    {
        var value = PropertyValue.Output(PropertyValue.Secret(PropertyValue.Create("v")), secret: false);

        Assert.That(value.Unwrap(), Is.EqualTo((PropertyValue.Create("v"), true)));
    }

    [Test]
    public void ContainsUnknowns_UnknownDeepInsideList_IsTrue()
    {
        var value = PropertyValue.Create([PropertyValue.Create(new PropertyMapBuilder().Set("k", PropertyValue.Computed()).Build())]);

        Assert.Multiple(() =>
        {
            Assert.That(value.ContainsUnknowns(), Is.True);
            Assert.That(PropertyValue.Create("known").ContainsUnknowns(), Is.False);
        });
    }

    [Test]
    public void Equals_SecretVersusPlainSameValue_AreDifferent()
    {
        Assert.That(PropertyValue.Secret(PropertyValue.Create("a")), Is.Not.EqualTo(PropertyValue.Create("a")));
    }

    [Test]
    public void Secret_OfSecret_DoesNotDoubleWrap()
    {
        var once = PropertyValue.Secret(PropertyValue.Create("a"));

        Assert.That(PropertyValue.Secret(once), Is.SameAs(once));
    }

    [Test]
    public void StringValue_OnNumber_Throws()
    {
        Assert.That(() => PropertyValue.Create(1).StringValue, Throws.InvalidOperationException);
    }
}
