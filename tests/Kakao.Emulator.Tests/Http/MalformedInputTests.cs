using System.Text.Json.Nodes;
using Kakao.Emulator.Tests.Support;

namespace Kakao.Emulator.Tests.Http;

/// <summary>
/// Every body-taking route against malformed JSON and every field set to every wrong JSON type: always a 4xx
/// (or a success for the combinations that happen to be valid) with a JSON body, never a 500.
/// </summary>
[TestFixture]
public sealed class MalformedInputTests
{
    private static readonly string[] RawBodies = ["", "{", "}", "[]", "null", "1", "\"s\"", "{\"a\":1}", "{\"a\":", "\u0000", "{\"x\":\"\uD800\"}"];

    private static readonly JsonNode?[] WrongValues =
    [
        1, -1, 1e300, 0.5, true, null, new JsonArray(), new JsonArray(1, "a"), new JsonObject(), new JsonObject { ["k"] = 1 },
        "x", string.Empty, new string('y', 70_000), "\u0000", "0", "-1",
    ];

    private static readonly (string Method, string Path, string[] Fields)[] Routes =
    [
        ("POST", "v1/projects/{p}/kakaotalk/senders", ["plusFriendId", "status", "saveDraftOnFailure", "details", "details.name", "details.adminPhoneNo", "details.logoImage", "details.topLevelCategoryCode"]),
        ("PATCH", "v1/projects/{p}/kakaotalk/senders/@fuzz", ["status", "details", "details.name", "details.logoImage", "details.subLevelCategoryCode"]),
        ("POST", "v1/projects/{p}/kakaotalk/senders/@fuzz/comments", ["comment"]),
        ("POST", "v1/projects/{p}/kakaotalk/senders/@fuzz/verify", ["code"]),
        ("POST", "v1/projects/{p}/kakaotalk/senders/@fuzz/register", ["anything"]),
        ("POST", "v1/projects/{p}/webhooks", ["target", "secret", "triggers"]),
        ("POST", "oauth2/token", ["grant_type"]),
        ("POST", "_emulator/projects/{p}/kakaotalk/senders/@fuzz/reject", ["comment"]),
        ("POST", "_emulator/projects/{p}/kakaotalk/senders/@fuzz/state", ["state"]),
        ("POST", "_emulator/projects/{p}/kakaotalk/senders/@fuzz/details", ["name", "adminPhoneNo"]),
        ("POST", "_emulator/review-policy", ["mode", "delaySeconds", "comment"]),
        ("POST", "_emulator/faults", ["seed", "rules", "rules.0"]),
        ("POST", "_emulator/rate-limit", ["requestsPerSecond"]),
    ];

    [Test]
    public async Task EveryRoute_MalformedOrWronglyTypedBodies_NeverAnswer5xx()
    {
        await using var emulator = await EmulatorHarness.StartAsync(o => o.ReviewMode = ReviewMode.Manual);
        string project = EmulatorHarness.NewProject();
        await emulator.CreateSenderAsync(project, "@fuzz", status: "DRAFT");
        var failures = new List<string>();

        foreach (var (method, template, fields) in Routes)
        {
            string path = template.Replace("{p}", project, StringComparison.Ordinal);
            var bodies = RawBodies.Concat(fields.SelectMany(field => WrongValues.Select(value => Body(field, value))));
            foreach (string body in bodies)
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = EmulatorHarness.JsonContent(body) };
                using var response = await emulator.Client.SendAsync(request);
                string text = await response.Content.ReadAsStringAsync();
                if ((int)response.StatusCode >= 500 || (text.Length > 0 && !JsonText.IsJson(text)))
                {
                    failures.Add($"{method} {template} {JsonText.Shorten(body)} -> {(int)response.StatusCode} {JsonText.Shorten(text)}");
                }
            }

            // Reset what a valid combination may have changed (e.g. a rate limit of 1 per second).
            (await emulator.Anonymous.PostAsync("_emulator/rate-limit", EmulatorHarness.JsonContent("""{"requestsPerSecond": 0}"""))).Dispose();
            (await emulator.Anonymous.DeleteAsync("_emulator/faults")).Dispose();
        }

        Assert.That(failures, Is.Empty);
    }

    private static string Body(string field, JsonNode? value)
    {
        var root = new JsonObject();
        string[] parts = field.Split('.');
        JsonNode container = root;
        for (int i = 0; i < parts.Length - 1; i++)
        {
            JsonNode next = int.TryParse(parts[i + 1], out _) ? new JsonArray() : new JsonObject();
            Set(container, parts[i], next);
            container = next;
        }

        Set(container, parts[^1], value?.DeepClone());
        return root.ToJsonString();
    }

    private static void Set(JsonNode container, string key, JsonNode? value)
    {
        if (container is JsonArray array)
        {
            array.Add(value);
        }
        else
        {
            container[key] = value;
        }
    }
}
