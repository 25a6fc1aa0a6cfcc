namespace Kakao.Examples.Tests.Checking;

[TestFixture]
public class PackageSchemaTests
{
    [Test]
    public void Parse_SampleSchema_ReadsTokensAndPropertyNames()
    {
        var schema = PackageSchema.Load(Path.Combine(AppContext.BaseDirectory, "TestData", "sample-schema.json"));

        Assert.Multiple(() =>
        {
            Assert.That(schema.Name, Is.EqualTo("kakao"));
            Assert.That(schema.ProviderToken, Is.EqualTo("pulumi:providers:kakao"));
            Assert.That(schema.Resources["kakao:index:KakaoSender"].Inputs, Is.EquivalentTo(new[] { "plusFriendId", "adminPhoneNo", "name" }));
            Assert.That(schema.Resources["kakao:index:KakaoSender"].Outputs, Does.Contain("status"));
            Assert.That(schema.Functions["kakao:index:getSender"].Inputs, Is.EquivalentTo(new[] { "plusFriendId" }));
            Assert.That(schema.Functions["kakao:index:getSender"].Outputs, Is.EquivalentTo(new[] { "status", "state" }));
            Assert.That(schema.ProviderInputs, Does.Contain("keySecret"));
            Assert.That(schema.ConfigVariables, Is.EquivalentTo(new[] { "endpoint", "projectId", "keyId", "keySecret" }));
        });
    }

    [Test]
    public void Parse_FunctionWithoutInputs_HasEmptyInputs()
    {
        var schema = PackageSchema.Parse("""{"name":"kakao","functions":{"kakao:index:getSenderCategories":{"outputs":{"properties":{"categories":{}}}}}}""");

        Assert.That(schema.Functions["kakao:index:getSenderCategories"].Inputs, Is.Empty);
    }

    [Test]
    public void Parse_SchemaWithoutName_Throws()
    {
        Assert.That(() => PackageSchema.Parse("""{"resources":{}}"""), Throws.TypeOf<InvalidDataException>());
    }

    [Test]
    public void Load_MissingFile_ThrowsNamingTheFile()
    {
        var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"), "schema.json");

        Assert.That(() => PackageSchema.Load(path),
            Throws.TypeOf<FileNotFoundException>().With.Message.Contains(path).And.Message.Contains("provider/Kakao.Provider/schema.json"));
    }
}
