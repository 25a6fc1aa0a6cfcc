using System.Text.Json;
using Kakao.Cli.Commands;
using Kakao.Cli.Pulumi;
using Kakao.Cli.Tests.Support;
using Kakao.Cli.Verification;
using Kakao.Emulator;
using Moq;

namespace Kakao.Cli.Tests.Commands;

/// <summary>
/// `--json` output is read by people as well as programs: phone numbers keep their '+' and Korean text stays
/// Korean instead of \uXXXX escapes (still valid JSON for any parser).
/// </summary>
public class HumanJsonTests
{
    private const string KoreanComment = "채널 이름이 +82 번호와 맞지 않습니다";

    private static async Task<(int Exit, FakeConsole Console)> InvokeAsync(EmulatorRig rig, params string[] args)
    {
        var console = new FakeConsole();
        var services = new CliServices
        {
            Console = _ => console,
            Environment = name => rig.Environment().GetValueOrDefault(name),
            StandardInput = new StringReader(""),
            Workspace = _ => new Mock<IPulumiWorkspace>(MockBehavior.Strict).Object,
            Clients = new ProvisioningClientFactory(TimeProvider.System),
            TimeProvider = TimeProvider.System,
        };
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await new CliApp(services).RunAsync(args, output, error, CancellationToken.None);
        return (exit, console);
    }

    [Test]
    public async Task SendersActivitiesAndCategories_Json_KeepKoreanReadable()
    {
        await using var rig = await EmulatorRig.StartAsync(ReviewMode.Reject, KoreanComment);
        await rig.CreateSenderAsync();

        var categories = await InvokeAsync(rig, "senders", "categories", "--json");
        var activities = await InvokeAsync(rig, "senders", "activities", Senders.Id, "--json");

        Assert.Multiple(() =>
        {
            Assert.That(categories.Exit, Is.Zero, categories.Console.AllText);
            Assert.That(activities.Exit, Is.Zero, activities.Console.AllText);
            Assert.That(activities.Console.Data.Single(), Does.Contain(KoreanComment).And.Not.Contain("\\u"));
            Assert.That(categories.Console.Data.Single(), Does.Contain("\"건강\"").And.Not.Contain("\\u"));
        });
    }

    [Test]
    public async Task Status_Json_KeepsKoreanRejectionCommentReadable()
    {
        await using var rig = await EmulatorRig.StartAsync(ReviewMode.Reject, KoreanComment);
        await rig.CreateSenderAsync();

        var status = await InvokeAsync(rig, "status", "--project", EmulatorRig.Project, "--json");

        Assert.That(status.Console.Data.Single(), Does.Contain(KoreanComment).And.Not.Contain("\\u"), status.Console.AllText);
    }

    [Test]
    public void VerifyReport_ToJson_KeepsPlusAndKoreanReadableAndParses()
    {
        var json = new VerifyReport("dev+카카오", [], ExitCode.Success).ToJson();

        Assert.Multiple(() =>
        {
            Assert.That(json, Does.Contain("\"dev+카카오\""));
            Assert.That(JsonDocument.Parse(json).RootElement.GetProperty("stack").GetString(), Is.EqualTo("dev+카카오"));
        });
    }
}
