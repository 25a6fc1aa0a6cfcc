using System.Text.Json;
using Kakao.Cli.Commands;
using Kakao.Cli.Pulumi;
using Kakao.Cli.Stack;
using Kakao.Cli.Tests.Support;
using Kakao.Provisioning.Models;
using Moq;

namespace Kakao.Cli.Tests.Commands;

/// <summary><c>kakao templates …</c> and the templates in <c>kakao status</c>, against the emulator.</summary>
public class TemplatesCommandTests
{
    private sealed class Run(Dictionary<string, string?> environment)
    {
        public FakeConsole Console { get; } = new();

        public Task<int> InvokeAsync(params string[] args)
        {
            var services = new CliServices
            {
                Console = _ => Console,
                Environment = name => environment.GetValueOrDefault(name),
                StandardInput = new StringReader(""),
                Workspace = _ => new Mock<IPulumiWorkspace>(MockBehavior.Strict).Object,
                Clients = new ProvisioningClientFactory(TimeProvider.System),
                TimeProvider = TimeProvider.System,
            };
            return new CliApp(services).RunAsync(args, new StringWriter(), new StringWriter(), CancellationToken.None);
        }
    }

    private static async Task<(EmulatorRig Rig, string Code)> ActiveSenderWithTemplateAsync()
    {
        var rig = await EmulatorRig.StartAsync();
        await rig.CreateSenderAsync();
        await rig.Client.RegisterSenderAsync(Senders.Id);
        await rig.Client.VerifySenderAsync(Senders.Id, int.Parse((await rig.PhoneAsync())!, System.Globalization.CultureInfo.InvariantCulture));
        var template = await rig.Client.CreateTemplateAsync(Senders.Id, new CreateTemplateRequest
        {
            Details = new TemplateDetails { Name = "order-shipped", Language = TemplateLanguage.Korean, Content = "#{customer}님, 주문 #{orderNo}이(가) 발송되었습니다." },
        });
        return (rig, template.Code);
    }

    [Test]
    public async Task TemplatesListAndShow_ApprovedTemplate_ShowStatusAndVariables()
    {
        var (rig, code) = await ActiveSenderWithTemplateAsync();
        await using var _ = rig;
        var run = new Run(rig.Environment());

        Assert.That(await run.InvokeAsync("templates", "list", Senders.Id), Is.Zero, run.Console.AllText);
        Assert.That(await run.InvokeAsync("templates", "show", Senders.Id, code), Is.Zero, run.Console.AllText);

        Assert.Multiple(() =>
        {
            Assert.That(run.Console.AllText, Does.Contain($"row: {code} | order-shipped | APPROVED | KO"));
            Assert.That(run.Console.AllText, Does.Contain("row: Variables | customer, orderNo"));
        });
    }

    [Test]
    public async Task TemplatesCommentThenActivities_ShowTheComment()
    {
        var (rig, code) = await ActiveSenderWithTemplateAsync();
        await using var _ = rig;
        var run = new Run(rig.Environment());

        Assert.That(await run.InvokeAsync("templates", "comment", Senders.Id, code, "버튼은 배송 조회용입니다."), Is.Zero, run.Console.AllText);
        Assert.That(await run.InvokeAsync("templates", "activities", Senders.Id, code, "--json"), Is.Zero, run.Console.AllText);

        using var json = JsonDocument.Parse(run.Console.Data.Last());
        Assert.That(json.RootElement.EnumerateArray().Select(a => a.TryGetProperty("comment", out var c) ? c.GetString() : null), Does.Contain("버튼은 배송 조회용입니다."));
    }

    [Test]
    public async Task TemplatesShow_UnknownCode_ExitsNotFoundNamingTheListCommand()
    {
        var (rig, _) = await ActiveSenderWithTemplateAsync();
        await using var __ = rig;
        var run = new Run(rig.Environment());

        Assert.That(await run.InvokeAsync("templates", "show", Senders.Id, "NOSUCHCODE"), Is.EqualTo((int)ExitCode.NotFound));
        Assert.That(run.Console.AllText, Does.Contain("kakao templates list"));
    }

    [Test]
    public async Task TemplatesList_UnknownSender_PrintsSinchsErrorWithItsExitCode()
    {
        var (rig, _) = await ActiveSenderWithTemplateAsync();
        await using var __ = rig;
        var run = new Run(rig.Environment());

        var exit = await run.InvokeAsync("templates", "list", "@nobody");

        Assert.That(exit, Is.Not.Zero);
        Assert.That(run.Console.AllText, Does.Contain("Sender not found").Or.Contain("sender_not_found"));
    }

    [Test]
    public async Task Status_Json_ListsEachSendersTemplatesWithTheirInspectionStatus()
    {
        var (rig, code) = await ActiveSenderWithTemplateAsync();
        await using var _ = rig;
        var run = new Run(rig.Environment());

        Assert.That(await run.InvokeAsync("status", "--project", EmulatorRig.Project, "--sender", Senders.Id, "--json"), Is.Zero, run.Console.AllText);

        using var json = JsonDocument.Parse(run.Console.Data.Single());
        var template = json.RootElement[0].GetProperty("templates")[0];
        Assert.Multiple(() =>
        {
            Assert.That(template.GetProperty("code").GetString(), Is.EqualTo(code));
            Assert.That(template.GetProperty("status").GetString(), Is.EqualTo("APPROVED"));
        });
    }
}
