using Kakao.EngineHarness.Values;

namespace Kakao.EngineHarness.Tests.Values;

public class PropertyValueTests
{
    [Test]
    public void Equals_ArraysWithSameItems_AreEqual()
    {
        var first = PropertyValue.Array("a", 1);
        var second = PropertyValue.Array("a", 1);

        Assert.That(first, Is.EqualTo(second));
    }

    [Test]
    public void Equals_SecretAndPlain_AreDifferent()
    {
        Assert.That(PropertyValue.Secret("a"), Is.Not.EqualTo(PropertyValue.String("a")));
    }

    [Test]
    public void Secret_OfSecret_IsSingleSecret()
    {
        Assert.That(PropertyValue.Secret(PropertyValue.Secret("a")).SecretValue, Is.EqualTo(PropertyValue.String("a")));
    }

    [Test]
    public void ContainsUnknowns_NestedUnknown_IsTrue()
    {
        var value = PropertyValue.Object(new PropertyMap { ["a"] = PropertyValue.Array(PropertyValue.Unknown()) });

        Assert.That(value.ContainsUnknowns, Is.True);
    }

    [Test]
    public void Unsecret_NestedSecret_RemovesMarking()
    {
        var value = PropertyValue.Array(PropertyValue.Secret("a"));

        Assert.That(value.Unsecret(), Is.EqualTo(PropertyValue.Array("a")));
    }

    [Test]
    public void StringValue_OnNumber_Throws()
    {
        Assert.That(() => PropertyValue.Number(1).StringValue, Throws.InvalidOperationException);
    }

    [Test]
    public void ChangedKeys_DifferentMaps_ListsAddedRemovedAndChanged()
    {
        var before = new PropertyMap { ["same"] = "x", ["changed"] = "1", ["removed"] = true };
        var after = new PropertyMap { ["same"] = "x", ["changed"] = "2", ["added"] = 3 };

        Assert.That(before.ChangedKeys(after), Is.EqualTo(new[] { "added", "changed", "removed" }));
    }

    [Test]
    public void With_ExistingMap_ReturnsCopyAndLeavesOriginal()
    {
        var original = new PropertyMap { ["a"] = "1" };

        var copy = original.With("a", "2");

        Assert.Multiple(() =>
        {
            Assert.That(original["a"], Is.EqualTo(PropertyValue.String("1")));
            Assert.That(copy["a"], Is.EqualTo(PropertyValue.String("2")));
        });
    }
}
