using System.Text.Json.Nodes;
using Kakao.EngineHarness.Lifecycle;
using Kakao.EngineHarness.Results;
using Kakao.EngineHarness.Values;

namespace Kakao.Provider.Tests.Scenarios;

/// <summary>
/// kakao:index:KakaoTemplate when Kakao refuses a submission (424, with and without a kept draft) and under the
/// API's rate limit.
/// </summary>
[Category("Scenario")]
public class TemplateFailureScenarioTests
{
    private static readonly JsonArray KakaoRefusesNextCreate = [new JsonObject
    {
        ["method"] = "POST", ["path"] = "/v1/projects/*/kakaotalk/senders/*/templates", ["status"] = 424, ["count"] = 1,
    }];

    private static readonly JsonArray KakaoRefusesNextCreateKeepingWhatItSaved = [new JsonObject
    {
        ["method"] = "POST", ["path"] = "/v1/projects/*/kakaotalk/senders/*/templates", ["status"] = 424, ["commitThenFail"] = true, ["count"] = 1,
    }];

    [Test]
    public async Task Up_KakaoRefusesWithoutSavedDraft_FailsNamingTheRefusalAndRecordsNothing()
    {
        var (scenario, world) = await TemplateWorld.StartAsync();
        await using var _ = scenario;
        await scenario.Control.SetFaultsAsync(KakaoRefusesNextCreate.DeepClone().AsArray(), scenario.Token);

        var error = Assert.CatchAsync(() => world.UpAsync(TemplateWorld.Inputs()));

        Assert.Multiple(async () =>
        {
            Assert.That(error!.Message, Does.Contain("refused").Or.Contain("validation error"));
            Assert.That(scenario.Session.State.Resources, Is.Empty, "nothing exists remotely, so nothing is recorded");
            Assert.That((await scenario.Control.ApiRequestsAsync(scenario.Token)).Count(r => r.Method == "POST" && r.Status == 424), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Up_KakaoRefusesWithSavedDraft_RecordsTheDraftAndTheNextUpResubmitsIt()
    {
        var (scenario, world) = await TemplateWorld.StartAsync();
        await using var _ = scenario;
        await scenario.Control.SetFaultsAsync(KakaoRefusesNextCreateKeepingWhatItSaved.DeepClone().AsArray(), scenario.Token);
        var inputs = TemplateWorld.Inputs().With("saveDraftOnFailure", true);

        var error = Assert.CatchAsync(() => world.UpAsync(inputs));
        var recorded = scenario.Session.State.Find(world.Urn());
        string code = world.CodeOf();
        var draft = await world.GetAsync(code);
        var again = await world.UpAsync(inputs);

        var creates = (await scenario.Control.ApiRequestsAsync(scenario.Token)).Count(r => r.Method == "POST" && r.Path.EndsWith("/templates", StringComparison.Ordinal));
        Assert.Multiple(() =>
        {
            Assert.That((error as ProviderRpcException)?.InitFailure, Is.Not.Null, "the kept draft reaches the engine as ErrorResourceInitFailed");
            Assert.That(error!.Message, Does.Contain("draft"));
            Assert.That(recorded, Is.Not.Null);
            Assert.That(draft!["changes"]!["status"]!.GetValue<string>(), Is.EqualTo("DRAFT"));
            Assert.That(again.State.Id, Is.EqualTo($"{TemplateWorld.Sender}/{code}"), "the same template, resubmitted");
            Assert.That(again.State.Outputs["status"], Is.EqualTo(PropertyValue.String("IN_PROGRESS")));
            Assert.That(creates, Is.EqualTo(1), "no second template is created");
        });
    }

    [Test]
    public async Task Up_HundredTemplatesInParallelUnderRateLimit_CreatesAllWithoutFailures()
    {
        var (scenario, world) = await TemplateWorld.StartAsync(review: "approve", isolated: true);
        await using var _ = scenario;
        await world.RateLimitAsync(100);
        var names = Enumerable.Range(1, 100).Select(i => $"template-{i:000}").ToArray();

        var results = await Task.WhenAll(names.Select(name => world.UpAsync(TemplateWorld.Inputs(name), name)));
        await world.RateLimitAsync(null);

        var requests = await scenario.Control.ApiRequestsAsync(scenario.Token);
        Assert.Multiple(() =>
        {
            Assert.That(results.Select(r => r.Operation), Has.All.EqualTo(ResourceOperation.Create));
            Assert.That(results.Select(r => r.State.Id).Distinct().Count(), Is.EqualTo(100));
            Assert.That(requests.Count(r => r.Method == "POST" && r.Path.EndsWith("/templates", StringComparison.Ordinal) && r.Status == 201), Is.EqualTo(100), "each template created exactly once");
            Assert.That(requests.Count(r => r.Status == 429), Is.GreaterThan(0), "the limit was reached and honoured");
            Assert.That(requests.Count(r => r.Status >= 400 && r.Status != 429), Is.Zero);
            Assert.That(scenario.Session.State.Resources, Has.Count.EqualTo(100));
        });
    }
}
