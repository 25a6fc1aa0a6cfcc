namespace Kakao.Examples.Tests.Checking;

[TestFixture]
public class PulumiProgramCheckerTests
{
    private static readonly PackageSchema Schema =
        PackageSchema.Load(Path.Combine(AppContext.BaseDirectory, "TestData", "sample-schema.json"));

    private const string ValidProgram = """
        name: sample
        runtime: yaml
        config:
          kakao:endpoint:
            value: http://127.0.0.1:5080
          greeting:
            type: string
        resources:
          emulator:
            type: pulumi:providers:kakao
            properties:
              endpoint: http://127.0.0.1:5080
              keySecret:
                fn::secret: emulator-secret
          sender:
            type: kakao:index:KakaoSender
            properties:
              plusFriendId: "@sinch-demo"
              adminPhoneNo: "+48777777777"
              name: ${greeting}
            options:
              provider: ${emulator}
          bucket:
            type: aws:s3:Bucket
            properties:
              anythingGoes: true
        variables:
          current:
            fn::invoke:
              function: kakao:index:getSender
              arguments:
                plusFriendId: ${sender.plusFriendId}
        outputs:
          status: ${sender.status}
          id: ${sender.id}
          live: ${current.state}
          bucketName: ${bucket.bucket}
        """;

    private static IReadOnlyList<string> Check(string program) =>
        new PulumiProgramChecker(Schema).Check(YamlFile.ParseMapping(program));

    [Test]
    public void Check_ProgramUsingOnlySchemaNames_ReportsNothing()
    {
        Assert.That(Check(ValidProgram), Is.Empty);
    }

    [Test]
    public void Check_UnknownResourceProperty_ReportsPropertyAndLine()
    {
        var problems = Check(ValidProgram.Replace("name: ${greeting}", "displayName: ${greeting}", StringComparison.Ordinal));

        Assert.That(problems, Has.Count.EqualTo(1));
        Assert.That(problems[0], Does.Contain("displayName").And.Contain("kakao:index:KakaoSender").And.StartWith("line 20"));
    }

    [Test]
    public void Check_UnknownResourceType_ReportsToken()
    {
        var problems = Check(ValidProgram.Replace("kakao:index:KakaoSender", "kakao:index:KakaoTemplate", StringComparison.Ordinal));

        Assert.That(problems, Has.Some.Contains("'kakao:index:KakaoTemplate'"));
    }

    [Test]
    public void Check_ShortTokenWithoutModule_IsResolvedToIndexModule()
    {
        Assert.That(Check(ValidProgram.Replace("kakao:index:KakaoSender", "kakao:KakaoSender", StringComparison.Ordinal)), Is.Empty);
    }

    [Test]
    public void Check_UnknownProviderInput_ReportsIt()
    {
        var problems = Check(ValidProgram.Replace("keySecret:", "apiToken:", StringComparison.Ordinal));

        Assert.That(problems, Has.One.Contains("apiToken").And.Contains("pulumi:providers:kakao"));
    }

    [Test]
    public void Check_UnknownFunction_ReportsToken()
    {
        var problems = Check(ValidProgram.Replace("kakao:index:getSender", "kakao:index:getTemplate", StringComparison.Ordinal));

        Assert.That(problems, Has.Some.Contains("'kakao:index:getTemplate'"));
    }

    [Test]
    public void Check_UnknownInvokeArgument_ReportsIt()
    {
        var problems = Check(ValidProgram.Replace("plusFriendId: ${sender.plusFriendId}", "senderName: x", StringComparison.Ordinal));

        Assert.That(problems, Has.One.Contains("argument 'senderName'"));
    }

    [Test]
    public void Check_InvokeSugarWithUnknownArgument_ReportsIt()
    {
        const string Program = """
            variables:
              current:
                fn::kakao:index:getSender:
                  plusFriend: "@sinch-demo"
            """;

        Assert.That(Check(Program), Has.One.Contains("argument 'plusFriend'"));
    }

    [Test]
    public void Check_InvokeReturningUnknownOutput_ReportsIt()
    {
        const string Program = """
            variables:
              status:
                fn::invoke:
                  function: kakao:index:getSender
                  arguments: {}
                  return: lifecycle
            """;

        Assert.That(Check(Program), Has.One.Contains("no output 'lifecycle'"));
    }

    [Test]
    public void Check_OutputReadingUnknownResourceProperty_ReportsIt()
    {
        var problems = Check(ValidProgram.Replace("${sender.status}", "${sender.lifecycle}", StringComparison.Ordinal));

        Assert.That(problems, Has.One.Contains("'lifecycle'").And.Contains("resource 'sender'"));
    }

    [Test]
    public void Check_OutputReadingUnknownFunctionResult_ReportsIt()
    {
        var problems = Check(ValidProgram.Replace("${current.state}", "${current.changes}", StringComparison.Ordinal));

        Assert.That(problems, Has.One.Contains("'changes'").And.Contains("kakao:index:getSender"));
    }

    [Test]
    public void Check_UnknownConfigVariableOfThePackage_ReportsIt()
    {
        var problems = Check(ValidProgram.Replace("kakao:endpoint:", "kakao:region:", StringComparison.Ordinal));

        Assert.That(problems, Has.One.Contains("'kakao:region'"));
    }

    [Test]
    public void Check_EscapedInterpolation_IsNotARead()
    {
        const string Program = """
            resources:
              sender:
                type: kakao:index:KakaoSender
                properties:
                  name: "$${sender.nothing}"
            """;

        Assert.That(Check(Program), Is.Empty);
    }

    [Test]
    public void Check_InvokeWithoutFunction_ReportsIt()
    {
        const string Program = """
            outputs:
              x:
                fn::invoke:
                  arguments: {}
            """;

        Assert.That(Check(Program), Has.One.Contains("no 'function'"));
    }
}
