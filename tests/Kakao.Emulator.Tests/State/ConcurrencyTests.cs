using System.Net;
using Kakao.Emulator.Tests.Support;

namespace Kakao.Emulator.Tests.State;

/// <summary>The store serialises writes: races end with exactly one winner.</summary>
[TestFixture]
public sealed class ConcurrencyTests
{
    [Test]
    public async Task Create_SamePlusFriendIdInParallel_ExactlyOne201RestPlusFriendIdUsed()
    {
        await using var emulator = await EmulatorHarness.StartAsync();
        string project = EmulatorHarness.NewProject();

        var responses = await Task.WhenAll(Enumerable.Range(0, 24).Select(_ =>
            emulator.PostAsync(EmulatorHarness.Senders(project), EmulatorHarness.SampleCreateBody())));

        try
        {
            Assert.That(responses.Count(r => r.StatusCode == HttpStatusCode.Created), Is.EqualTo(1));
            foreach (var loser in responses.Where(r => r.StatusCode != HttpStatusCode.Created))
            {
                await ApiAssert.FailsAsync(loser, "plus_friend_id_used");
            }
        }
        finally
        {
            foreach (var response in responses)
            {
                response.Dispose();
            }
        }

        using var list = await emulator.Client.GetAsync(EmulatorHarness.Senders(project));
        Assert.That((await EmulatorHarness.ReadJsonAsync(list))!["totalSize"]!.GetValue<int>(), Is.EqualTo(1));
    }

    [Test]
    public async Task Delete_InParallel_ExactlyOne204RestAlreadyDeleted()
    {
        await using var emulator = await EmulatorHarness.StartAsync();
        string project = EmulatorHarness.NewProject();
        await emulator.CreateSenderAsync(project);

        var responses = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => emulator.Client.DeleteAsync(EmulatorHarness.Sender(project))));

        Assert.Multiple(() =>
        {
            Assert.That(responses.Count(r => r.StatusCode == HttpStatusCode.NoContent), Is.EqualTo(1));
            Assert.That(responses.Count(r => r.StatusCode == HttpStatusCode.Conflict), Is.EqualTo(11));
        });
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Test]
    public async Task Create_ManySendersInParallelWithDataFile_AllPersisted()
    {
        string file = Path.Combine(Path.GetTempPath(), $"emu-conc-{Guid.NewGuid():N}.json");
        try
        {
            string project = EmulatorHarness.NewProject();
            await using (var emulator = await EmulatorHarness.StartAsync(o => o.DataFile = file))
            {
                var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
                    emulator.PostAsync(EmulatorHarness.Senders(project), EmulatorHarness.SampleCreateBody($"@shop-{i}"))));
                Assert.That(responses.All(r => r.StatusCode == HttpStatusCode.Created), Is.True);
                foreach (var response in responses)
                {
                    response.Dispose();
                }
            }

            await using var restarted = await EmulatorHarness.StartAsync(o => o.DataFile = file);
            using var list = await restarted.Client.GetAsync(EmulatorHarness.Senders(project));
            Assert.That((await EmulatorHarness.ReadJsonAsync(list))!["totalSize"]!.GetValue<int>(), Is.EqualTo(20));
        }
        finally
        {
            File.Delete(file);
        }
    }
}
