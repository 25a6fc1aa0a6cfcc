using System.Text.Json.Nodes;

namespace Kakao.Emulator.Tests.Support;

/// <summary>The schema conversion itself must be able to fail, or every schema assertion would be hollow.</summary>
[TestFixture]
public sealed class FactsSchemasTests
{
    [Test]
    public void Validate_SenderWithUnknownProperty_Fails()
    {
        var sender = JsonNode.Parse("""{"plusFriendId": "@a", "status": "ACTIVE"}""");

        Assert.That(FactsSchemas.Validate(sender, "KakaotalkSenderDto"), Is.Not.Empty);
    }

    [Test]
    public void Validate_SenderWithoutPlusFriendId_Fails()
    {
        Assert.That(FactsSchemas.Validate(JsonNode.Parse("""{"id": "x"}"""), "KakaotalkSenderDto"), Is.Not.Empty);
    }

    [Test]
    public void Validate_UnknownStateValue_Fails()
    {
        Assert.That(FactsSchemas.Validate(JsonNode.Parse("""{"plusFriendId": "@a", "state": "PENDING"}"""), "KakaotalkSenderDto"), Is.Not.Empty);
    }

    [Test]
    public void Validate_FactsExampleCategoryTree_Passes()
    {
        Assert.That(FactsSchemas.Validate(FactsSchemas.Example("senderCategories"), "KakaotalkSenderCategoryListDto"), Is.Empty);
    }

    [Test]
    public void Validate_VerifyInputWithStringCode_Fails()
    {
        Assert.That(FactsSchemas.Validate(JsonNode.Parse("""{"code": "123456"}"""), "KakaotalkInputVerifySenderDto"), Is.Not.Empty);
    }
}
