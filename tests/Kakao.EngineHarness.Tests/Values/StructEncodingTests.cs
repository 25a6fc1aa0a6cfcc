using Google.Protobuf.WellKnownTypes;
using Kakao.EngineHarness.Values;

namespace Kakao.EngineHarness.Tests.Values;

public class StructEncodingTests
{
    private static PropertyMap Sample() => new()
    {
        ["name"] = "Sinch Demo Shop",
        ["count"] = 3,
        ["submit"] = true,
        ["nothing"] = PropertyValue.Null,
        ["tags"] = PropertyValue.Array("a", "b"),
        ["nested"] = new PropertyMap { ["code"] = "019" },
        ["adminPhoneNo"] = PropertyValue.Secret("+48777777777"),
        ["senderId"] = PropertyValue.Unknown(),
    };

    [Test]
    public void ToStruct_Secret_IsSignatureObjectWithValue()
    {
        var encoded = StructEncoding.ToStruct(Sample());

        var secret = encoded.Fields["adminPhoneNo"].StructValue;
        Assert.Multiple(() =>
        {
            Assert.That(secret.Fields[WireSentinels.SignatureKey].StringValue, Is.EqualTo("1b47061264138c4ac30d75fd1eb44270"));
            Assert.That(secret.Fields["value"].StringValue, Is.EqualTo("+48777777777"));
        });
    }

    [Test]
    public void ToStruct_SecretsNotAccepted_SendsPlainValue()
    {
        var encoded = StructEncoding.ToStruct(Sample(), keepSecrets: false);

        Assert.That(encoded.Fields["adminPhoneNo"].StringValue, Is.EqualTo("+48777777777"));
    }

    [TestCase(UnknownKind.String, "04da6b54-80e4-46f7-96ec-b56ff0331ba9")]
    [TestCase(UnknownKind.Bool, "1c4a061d-8072-4f0a-a4cb-0ff528b18fe7")]
    [TestCase(UnknownKind.Number, "3eeb2bf0-c639-47a8-9e75-3b44932eb421")]
    [TestCase(UnknownKind.Array, "6a19a0b0-7e62-4c92-b797-7f8e31da9cc2")]
    [TestCase(UnknownKind.Object, "dd056dcd-154b-4c76-9bd3-c8f88648b5ff")]
    [TestCase(UnknownKind.Asset, "030794c1-ac77-496b-92df-f27374a8bd58")]
    [TestCase(UnknownKind.Archive, "e48ece36-62e2-4504-bad9-02848725956a")]
    public void ToValue_Unknown_IsSentinelStringAndDecodesBack(UnknownKind kind, string sentinel)
    {
        var encoded = StructEncoding.ToValue(PropertyValue.Unknown(kind));

        Assert.Multiple(() =>
        {
            Assert.That(encoded.StringValue, Is.EqualTo(sentinel));
            Assert.That(StructEncoding.FromValue(encoded), Is.EqualTo(PropertyValue.Unknown(kind)));
        });
    }

    [Test]
    public void FromStruct_EncodedMap_RoundTrips()
    {
        var map = Sample();

        Assert.That(StructEncoding.FromStruct(StructEncoding.ToStruct(map)), Is.EqualTo(map));
    }

    [Test]
    public void FromValue_OutputValueWithoutValue_IsUnknown()
    {
        var output = Value.ForStruct(new Struct
        {
            Fields = { [WireSentinels.SignatureKey] = Value.ForString(WireSentinels.OutputValueSignature) },
        });

        Assert.That(StructEncoding.FromValue(output).IsUnknown, Is.True);
    }

    [Test]
    public void FromValue_SecretOutputValue_IsSecretOfValue()
    {
        var output = Value.ForStruct(new Struct
        {
            Fields =
            {
                [WireSentinels.SignatureKey] = Value.ForString(WireSentinels.OutputValueSignature),
                ["value"] = Value.ForString("x"),
                ["secret"] = Value.ForBool(true),
            },
        });

        Assert.That(StructEncoding.FromValue(output), Is.EqualTo(PropertyValue.Secret("x")));
    }

    [Test]
    public void FromStruct_Null_IsEmptyMap()
    {
        Assert.That(StructEncoding.FromStruct(null), Is.Empty);
    }

    [Test]
    public void ToString_MapWithSecret_DoesNotRevealIt()
    {
        var text = Sample().ToString();

        Assert.Multiple(() =>
        {
            Assert.That(text, Does.Not.Contain("+48777777777"));
            Assert.That(text, Does.Contain("adminPhoneNo: [secret]"));
        });
    }
}
