using Google.Protobuf.WellKnownTypes;
using Kakao.Provider.Grpc;
using Kakao.Provider.Models;

namespace Kakao.Provider.Tests.Grpc;

public class PropertyValueConverterTests
{
    private static PropertyValue RoundTrip(PropertyValue value) =>
        PropertyValueConverter.ToPropertyValue(PropertyValueConverter.ToValue(value));

    [Test]
    public void ToValue_PrimitivesAndNesting_RoundTripUnchanged()
    {
        var value = PropertyValue.Create(new PropertyMapBuilder()
            .Set("text", PropertyValue.Create("hello"))
            .Set("number", PropertyValue.Create(42.5))
            .Set("flag", PropertyValue.Create(true))
            .Set("nothing", PropertyValue.Null)
            .Set("list", PropertyValue.Create([PropertyValue.Create(1), PropertyValue.Create("two")]))
            .Set("nested", PropertyValue.Create(new PropertyMapBuilder().Set("deep", PropertyValue.Create("x")).Build()))
            .Build());

        Assert.That(RoundTrip(value), Is.EqualTo(value));
    }

    [Test]
    public void ToValue_Secret_IsSpecialObjectWithSignature()
    {
        var wire = PropertyValueConverter.ToValue(PropertyValue.Secret(PropertyValue.Create("+48777777777")));

        Assert.Multiple(() =>
        {
            Assert.That(wire.StructValue.Fields[WireSignatures.SignatureKey].StringValue, Is.EqualTo("1b47061264138c4ac30d75fd1eb44270"));
            Assert.That(wire.StructValue.Fields["value"].StringValue, Is.EqualTo("+48777777777"));
        });
    }

    [Test]
    public void ToPropertyValue_SecretNestedInListAndObject_KeepsSecretness()
    {
        var secret = PropertyValue.Secret(PropertyValue.Create(new PropertyMapBuilder().Set("inner", PropertyValue.Create("s")).Build()));
        var value = PropertyValue.Create([PropertyValue.Create(new PropertyMapBuilder().Set("key", secret).Build())]);

        var back = RoundTrip(value);

        Assert.That(back.ArrayValue[0].ObjectValue["key"].IsSecret, Is.True);
        Assert.That(back, Is.EqualTo(value));
    }

    [TestCase("04da6b54-80e4-46f7-96ec-b56ff0331ba9", "String")]
    [TestCase("1c4a061d-8072-4f0a-a4cb-0ff528b18fe7", "Bool")]
    [TestCase("3eeb2bf0-c639-47a8-9e75-3b44932eb421", "Number")]
    [TestCase("6a19a0b0-7e62-4c92-b797-7f8e31da9cc2", "Array")]
    [TestCase("dd056dcd-154b-4c76-9bd3-c8f88648b5ff", "Object")]
    [TestCase("030794c1-ac77-496b-92df-f27374a8bd58", "Asset")]
    [TestCase("e48ece36-62e2-4504-bad9-02848725956a", "Archive")]
    public void ToPropertyValue_UnknownSentinel_IsComputedOfThatTypeAndRoundTrips(string sentinel, string typeName)
    {
        var type = System.Enum.Parse<UnknownType>(typeName);
        var value = PropertyValueConverter.ToPropertyValue(Value.ForString(sentinel));

        Assert.Multiple(() =>
        {
            Assert.That(value.IsComputed, Is.True);
            Assert.That(value.ComputedType, Is.EqualTo(type));
            Assert.That(PropertyValueConverter.ToValue(value).StringValue, Is.EqualTo(sentinel));
        });
    }

    [Test]
    public void ToPropertyValue_UnknownOutputValue_IsComputedAndKeepsSecretAndDependencies()
    {
        var wire = new Struct();
        wire.Fields[WireSignatures.SignatureKey] = Value.ForString(WireSignatures.OutputValue);
        wire.Fields["secret"] = Value.ForBool(true);
        wire.Fields["dependencies"] = Value.ForList(Value.ForString("urn:a"));

        var value = PropertyValueConverter.ToPropertyValue(Value.ForStruct(wire));

        Assert.Multiple(() =>
        {
            Assert.That(value.Kind, Is.EqualTo(PropertyValueKind.Output));
            Assert.That(value.IsComputed, Is.True);
            Assert.That(value.IsSecret, Is.True);
            Assert.That(value.Dependencies, Is.EqualTo(new[] { "urn:a" }));
            Assert.That(PropertyValueConverter.ToValue(value), Is.EqualTo(Value.ForStruct(wire)));
        });
    }

    [Test]
    public void ToPropertyValue_KnownOutputValue_UnwrapsToValue()
    {
        var value = RoundTrip(PropertyValue.Output(PropertyValue.Create("x"), secret: false, ["urn:b"]));

        Assert.That(value.Unwrap(), Is.EqualTo((PropertyValue.Create("x"), false)));
    }

    [Test]
    public void ToPropertyValue_ResourceReference_IsKeptAsObject()
    {
        var wire = new Struct();
        wire.Fields[WireSignatures.SignatureKey] = Value.ForString(WireSignatures.ResourceReference);
        wire.Fields["urn"] = Value.ForString("urn:x");

        var value = PropertyValueConverter.ToPropertyValue(Value.ForStruct(wire));

        Assert.That(PropertyValueConverter.ToValue(value), Is.EqualTo(Value.ForStruct(wire)));
    }

    [Test]
    public void ToPropertyMap_Null_IsEmpty()
    {
        Assert.That(PropertyValueConverter.ToPropertyMap(null), Is.EqualTo(PropertyMap.Empty));
    }
}
