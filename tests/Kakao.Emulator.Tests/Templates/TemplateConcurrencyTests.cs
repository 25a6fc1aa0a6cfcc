using System.Net;
using Kakao.Emulator.Tests.Support;

namespace Kakao.Emulator.Tests.Templates;

/// <summary>Parallel template writes: names stay unique, nothing is lost.</summary>
[TestFixture]
public sealed class TemplateConcurrencyTests
{
    [Test]
    public async Task Create_SameNameInParallel_ExactlyOneWinsOthersGetTemplateExists()
    {
        await using var emulator = await EmulatorHarness.StartAsync(o => o.TemplateReviewMode = ReviewMode.Manual);
        string project = EmulatorHarness.NewProject();
        await emulator.CreateActiveSenderAsync(project);

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => emulator.PostAsync(TemplateApi.List(project), TemplateApi.Body("race"))));

        var statuses = responses.Select(r => (int)r.StatusCode).ToArray();
        foreach (var response in responses)
        {
            response.Dispose();
        }

        Assert.Multiple(() =>
        {
            Assert.That(statuses.Count(s => s == 201), Is.EqualTo(1));
            Assert.That(statuses.Count(s => s == 409), Is.EqualTo(19));
        });
    }

    [Test]
    public async Task Create_HundredDistinctInParallel_AllExistWithDistinctCodes()
    {
        await using var emulator = await EmulatorHarness.StartAsync();
        string project = EmulatorHarness.NewProject();
        await emulator.CreateActiveSenderAsync(project);

        var created = await Task.WhenAll(Enumerable.Range(0, 100).Select(i => TemplateApi.CreateAsync(emulator, project, TemplateApi.Body($"t{i:000}"))));

        using var list = await emulator.Client.GetAsync(TemplateApi.List(project) + "?pageSize=1000");
        var body = await ApiAssert.SucceedsAsync(list, HttpStatusCode.OK, "KakaotalkTemplateListDto");
        Assert.Multiple(() =>
        {
            Assert.That(created.Select(TemplateApi.Code), Is.Unique);
            Assert.That(body["totalSize"]!.GetValue<int>(), Is.EqualTo(100));
            Assert.That(body["templates"]!.AsArray().Select(t => t!["state"]?.GetValue<string>()), Has.All.EqualTo("APPROVED"), "the default policy approves at once");
        });
    }
}
