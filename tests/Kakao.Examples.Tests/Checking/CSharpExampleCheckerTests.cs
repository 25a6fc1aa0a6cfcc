namespace Kakao.Examples.Tests.Checking;

[TestFixture]
public class CSharpExampleCheckerTests
{
    private static readonly PackageSchema Schema =
        PackageSchema.Load(Path.Combine(AppContext.BaseDirectory, "TestData", "sample-schema.json"));

    private const string Program = """
        using Pulumi;
        using Pulumi.Kakao;

        return await Deployment.RunAsync(() =>
        {
            var sender = new KakaoSender("demo", new KakaoSenderArgs
            {
                PlusFriendId = "@sinch-demo",
                AdminPhoneNo = Output.CreateSecret("+48777777777"),
                Name = "Sinch Demo Shop",
            });

            return new Dictionary<string, object?>
            {
                ["status"] = sender.Status,
                ["id"] = sender.Id,
            };
        });
        """;

    private static IReadOnlyList<string> Check(string source) => new CSharpExampleChecker(Schema).Check(source);

    [Test]
    public void Check_ProgramUsingSchemaNames_ReportsNothing()
    {
        Assert.That(Check(Program), Is.Empty);
    }

    [Test]
    public void Check_UnknownArgsProperty_ReportsItWithLine()
    {
        var problems = Check(Program.Replace("Name = ", "DisplayName = ", StringComparison.Ordinal));

        Assert.That(problems, Has.Count.EqualTo(1));
        Assert.That(problems[0], Does.StartWith("line 10").And.Contain("'DisplayName'"));
    }

    [Test]
    public void Check_UnknownOutputRead_ReportsIt()
    {
        Assert.That(Check(Program.Replace("sender.Status", "sender.Lifecycle", StringComparison.Ordinal)), Has.One.Contains("'Lifecycle'"));
    }

    [Test]
    public void Check_ProgramWithoutSender_ReportsIt()
    {
        Assert.That(Check("return 0;"), Has.One.Contains("never creates a KakaoSender"));
    }
}
