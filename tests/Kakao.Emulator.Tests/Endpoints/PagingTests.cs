using System.Net;
using System.Text.Json.Nodes;
using Kakao.Emulator.Tests.Support;

namespace Kakao.Emulator.Tests.Endpoints;

/// <summary>Listing senders and activities: opaque tokens, page sizes, filters and their errors.</summary>
[TestFixture]
public sealed class PagingTests
{
    private EmulatorHarness _emulator = null!;
    private string _project = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _emulator = await EmulatorHarness.StartAsync(o => o.ReviewMode = ReviewMode.Manual);
        _project = EmulatorHarness.NewProject();
        for (int i = 0; i < 7; i++)
        {
            await _emulator.CreateSenderAsync(_project, $"@shop-{i}", status: i < 2 ? "DRAFT" : "SUBMIT");
        }

        (await _emulator.Anonymous.PostAsync(EmulatorHarness.Control(_project, "@shop-6") + "/approve", null)).Dispose();
        (await _emulator.PostAsync(EmulatorHarness.Control(_project, "@shop-5") + "/reject", "{}", _emulator.Anonymous)).Dispose();
    }

    [OneTimeTearDown]
    public async Task StopAsync() => await _emulator.DisposeAsync();

    [Test]
    public async Task List_PagesOfThree_WalksAllSendersInCreationOrderAndBack()
    {
        var seen = new List<string>();
        string? token = null;
        JsonNode page;
        do
        {
            using var response = await _emulator.Client.GetAsync(EmulatorHarness.Senders(_project) + "?pageSize=3" + (token is null ? string.Empty : "&pageToken=" + Uri.EscapeDataString(token)));
            page = await ApiAssert.SucceedsAsync(response, HttpStatusCode.OK, "KakaotalkSenderListDto");
            Assert.That(page["totalSize"]!.GetValue<int>(), Is.EqualTo(7));
            seen.AddRange(page["senders"]!.AsArray().Select(s => s!["plusFriendId"]!.GetValue<string>()));
            token = page["nextPageToken"]?.GetValue<string>();
        }
        while (token is not null);

        Assert.That(seen, Is.EqualTo(Enumerable.Range(0, 7).Select(i => $"@shop-{i}")));
        string previous = page["previousPageToken"]!.GetValue<string>();
        using var back = await _emulator.Client.GetAsync(EmulatorHarness.Senders(_project) + "?pageSize=3&pageToken=" + Uri.EscapeDataString(previous));
        var backPage = await EmulatorHarness.ReadJsonAsync(back);
        Assert.That(backPage!["senders"]![0]!["plusFriendId"]!.GetValue<string>(), Is.EqualTo("@shop-3"));
    }

    [Test]
    public async Task List_DefaultPageSize_Is50WithoutTokens()
    {
        using var response = await _emulator.Client.GetAsync(EmulatorHarness.Senders(_project));

        var page = await ApiAssert.SucceedsAsync(response, HttpStatusCode.OK, "KakaotalkSenderListDto");
        Assert.Multiple(() =>
        {
            Assert.That(page["pageSize"]!.GetValue<int>(), Is.EqualTo(50));
            Assert.That(page["senders"]!.AsArray(), Has.Count.EqualTo(7));
            Assert.That(page["nextPageToken"], Is.Null);
            Assert.That(page["previousPageToken"], Is.Null);
        });
    }

    [TestCase("filterStatuses=DRAFT", new[] { "@shop-0", "@shop-1" })]
    [TestCase("filterStatuses=REJECTED&filterStatuses=DRAFT", new[] { "@shop-0", "@shop-1", "@shop-5" })]
    [TestCase("filterStatuses[]=IN_PROGRESS", new[] { "@shop-2", "@shop-3", "@shop-4" })]
    [TestCase("filterStates=INACTIVE", new[] { "@shop-6" })]
    [TestCase("filterStates=ACTIVE,VERIFYING", new string[0])]
    public async Task List_Filters_ReturnMatchingSenders(string query, string[] expected)
    {
        using var response = await _emulator.Client.GetAsync(EmulatorHarness.Senders(_project) + "?" + query);

        var page = await ApiAssert.SucceedsAsync(response, HttpStatusCode.OK, "KakaotalkSenderListDto");
        Assert.That(page["senders"]!.AsArray().Select(s => s!["plusFriendId"]!.GetValue<string>()), Is.EqualTo(expected));
    }

    [TestCase("filterStates=PENDING", "invalid_filter_states")]
    [TestCase("filterStatuses=APPROVED", "invalid_filter_statuses")]
    [TestCase("pageSize=0", "invalid_page_size")]
    [TestCase("pageSize=101", "invalid_page_size")]
    [TestCase("pageSize=ten", "invalid_page_size")]
    [TestCase("pageSize=2.5", "invalid_page_size")]
    [TestCase("pageToken=not-a-token", "invalid_page_token")]
    [TestCase("pageToken=%25%25%25", "invalid_page_token")]
    public async Task List_BadQuery_AnswersDocumentedError(string query, string errorCode)
    {
        using var response = await _emulator.Client.GetAsync(EmulatorHarness.Senders(_project) + "?" + query);

        await ApiAssert.FailsAsync(response, errorCode);
    }

    [Test]
    public async Task List_TokenFromAnotherFilter_AnswersInvalidPageToken()
    {
        using var first = await _emulator.Client.GetAsync(EmulatorHarness.Senders(_project) + "?pageSize=1");
        string token = (await EmulatorHarness.ReadJsonAsync(first))!["nextPageToken"]!.GetValue<string>();

        using var response = await _emulator.Client.GetAsync(EmulatorHarness.Senders(_project) + "?pageSize=1&filterStatuses=DRAFT&pageToken=" + Uri.EscapeDataString(token));

        await ApiAssert.FailsAsync(response, "invalid_page_token");
    }

    [Test]
    public async Task Activities_PagesOfTwo_NewestFirstAcrossPages()
    {
        string sender = EmulatorHarness.Sender(_project, "@shop-2");
        for (int i = 0; i < 3; i++)
        {
            _emulator.Time.Advance(TimeSpan.FromSeconds(1));
            (await _emulator.PostAsync(sender + "/comments", $$"""{"comment": "c{{i}}"}""")).Dispose();
        }

        var types = new List<string>();
        string? token = null;
        do
        {
            using var response = await _emulator.Client.GetAsync(sender + "/activities?pageSize=2" + (token is null ? string.Empty : "&pageToken=" + Uri.EscapeDataString(token)));
            var page = await ApiAssert.SucceedsAsync(response, HttpStatusCode.OK, "KakaotalkSenderNotificationListDto");
            types.AddRange(page["notifications"]!.AsArray().Select(n => n!["comment"]?.GetValue<string>() ?? n["type"]!.GetValue<string>()));
            token = page["nextPageToken"]?.GetValue<string>();
        }
        while (token is not null);

        Assert.That(types, Is.EqualTo(new[] { "c2", "c1", "c0", "IN_PROGRESS", "CREATED" }));
    }

    [TestCase("pageSize=0", "invalid_page_size")]
    [TestCase("pageToken=abc", "invalid_page_token")]
    public async Task Activities_BadQuery_AnswersDocumentedError(string query, string errorCode)
    {
        using var response = await _emulator.Client.GetAsync(EmulatorHarness.Sender(_project, "@shop-0") + "/activities?" + query);

        await ApiAssert.FailsAsync(response, errorCode);
    }

    [Test]
    public async Task Activities_UnknownSender_AnswersSenderNotFound()
    {
        using var response = await _emulator.Client.GetAsync(EmulatorHarness.Sender(_project, "@nope") + "/activities");

        await ApiAssert.FailsAsync(response, "sender_not_found");
    }
}
