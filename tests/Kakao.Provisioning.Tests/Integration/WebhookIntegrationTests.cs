using Kakao.Provisioning.Models;

namespace Kakao.Provisioning.Tests.Integration;

/// <summary>The webhook operations against the emulator over real loopback HTTP.</summary>
public class WebhookIntegrationTests : EmulatorFixture
{
    private static CreateWebhookRequest Hook(string name, params WebhookTrigger[] triggers) => new()
    {
        Target = $"https://hooks.example.com/{name}",
        Secret = "s3cret-" + name,
        Triggers = triggers.Length == 0 ? [WebhookTrigger.All] : triggers,
    };

    [Test]
    public async Task CreateGetReplaceUpdateDelete_RoundTripKeepsTheId()
    {
        var created = await Client.CreateWebhookAsync(Hook("a", WebhookTrigger.SenderActive));
        var read = await Client.GetWebhookAsync(created.Id);
        var replaced = await Client.ReplaceWebhookAsync(created.Id, Hook("b", WebhookTrigger.SenderRejected));
        var updated = await Client.UpdateWebhookAsync(created.Id, new UpdateWebhookRequest { Secret = "rotated", Triggers = [WebhookTrigger.All] });
        await Client.DeleteWebhookAsync(created.Id);

        Assert.Multiple(async () =>
        {
            Assert.That(created.Id, Does.Match("^[0-9a-f]{32}$"));
            Assert.That(created.ProjectId, Is.EqualTo(ProjectId));
            Assert.That(read, Is.EqualTo(created).Using<Webhook>((x, y) => x.Id == y.Id && x.Target == y.Target));
            Assert.That(replaced.Target, Is.EqualTo("https://hooks.example.com/b"));
            Assert.That(replaced.Triggers, Is.EqualTo(new[] { WebhookTrigger.SenderRejected }));
            Assert.That(updated.Target, Is.EqualTo("https://hooks.example.com/b"), "PATCH keeps what it does not name");
            Assert.That(updated.Triggers, Is.EqualTo(new[] { WebhookTrigger.All }));
            Assert.That(updated.Id, Is.EqualTo(created.Id));
            Assert.That(await Client.TryGetWebhookAsync(created.Id), Is.Null);
        });
    }

    [Test]
    public async Task ListWebhooksAsync_MoreThanOnePage_FollowsTokensInAlphabeticalOrder()
    {
        foreach (string name in new[] { "c", "a", "d", "b" })
        {
            await Client.CreateWebhookAsync(Hook(name));
        }

        var all = await Client.ListWebhooksAsync().ToListAsync();
        var first = await Client.ListWebhooksPageAsync(pageSize: 3);
        var second = await Client.ListWebhooksPageAsync(pageSize: 3, pageToken: first.NextPageToken);

        Assert.Multiple(() =>
        {
            Assert.That(all.Select(w => w.Target[^1]), Is.EqualTo("abcd".ToCharArray()));
            Assert.That(first.Webhooks, Has.Count.EqualTo(3));
            Assert.That(first.TotalSize, Is.EqualTo(4));
            Assert.That(second.Webhooks.Single().Target, Is.EqualTo("https://hooks.example.com/d"));
        });
    }

    [Test]
    public async Task CreateWebhookAsync_SixteenthWebhook_Raises424WebhookLimitReached()
    {
        for (int i = 0; i < ProvisioningClient.MaxWebhooksPerProject; i++)
        {
            await Client.CreateWebhookAsync(Hook("h" + i));
        }

        var ex = Assert.ThrowsAsync<ProvisioningApiException>(() => Client.CreateWebhookAsync(Hook("h16")));

        Assert.That((ex!.Status, ex.ErrorCode, ex.ApiMessage), Is.EqualTo((424, "webhook_limit_reached", "Number of webhooks has reached the limit.")));
    }

    [Test]
    public async Task UpdateWebhookAsync_TargetOfAnother_RaisesWebhookExists()
    {
        await Client.CreateWebhookAsync(Hook("taken"));
        var mine = await Client.CreateWebhookAsync(Hook("mine"));

        var ex = Assert.ThrowsAsync<ProvisioningApiException>(() => Client.UpdateWebhookAsync(mine.Id, new UpdateWebhookRequest { Target = "https://hooks.example.com/taken" }));

        Assert.That((ex!.Status, ex.ErrorCode, ex.Resolution), Is.EqualTo((409, "webhook_exists", "Webhooks must have a unique target. Change the target and submit again.")));
    }

    [Test]
    public void GetWebhookAsync_MalformedId_RaisesInvalidIdFormat()
    {
        var ex = Assert.ThrowsAsync<ProvisioningApiException>(() => Client.GetWebhookAsync("not-a-webhook-id"));

        Assert.That((ex!.Status, ex.ErrorCode), Is.EqualTo((400, "invalid_id_format")));
    }

    [Test]
    public async Task CreateWebhookAsync_CommitThenFail_ReconcilesToTheOneCreated()
    {
        await Control.FaultsAsync(new System.Text.Json.Nodes.JsonObject { ["method"] = "POST", ["path"] = "/v1/projects/*/webhooks", ["commitThenFail"] = true, ["status"] = 503, ["count"] = 1 });

        var created = await Client.CreateWebhookAsync(Hook("once", WebhookTrigger.SenderActive));

        var all = await Client.ListWebhooksAsync().ToListAsync();
        Assert.That(all.Single().Id, Is.EqualTo(created.Id));
    }
}
