using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Kakao.Emulator;
using Kakao.Reliability.Tests.Support;

namespace Kakao.Reliability.Tests.MalformedInput;

/// <summary>
/// Generated malformed bodies against every write route of the emulator's HTTP API (Sinch routes, token
/// endpoint, control API): each answered with a 4xx and an error body (Sinch <c>errorCode</c>/<c>message</c>,
/// OAuth <c>error</c> for the token endpoint), never a 5xx, and the emulator's state unchanged.
/// </summary>
[TestFixture]
[Category("MalformedInput")]
public sealed class EmulatorMalformedInputTests
{
    private const string Existing = "@malformed-existing";

    [Test]
    public async Task WriteRoutes_GeneratedMalformedBodies_Answer4xxWithErrorBodyAndChangeNothing()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var ct = timeout.Token;
        await using var emulator = await EmulatorServer.StartAsync(ReliabilityWorld.EmulatorOptions(), ct);
        using var probe = new EmulatorProbe(emulator.BaseAddress);
        await CreateExistingAsync(probe, ct);
        var before = (await probe.SendersAsync(ct))[Existing].ToJsonString();
        var random = new Random(SoakSettings.Current.Seed);
        var routes = Routes();
        var problems = new List<string>();
        var statuses = new Dictionary<int, int>();
        int total = Math.Max(200, SoakSettings.Current.MalformedInputs / 2);

        for (int i = 0; i < total; i++)
        {
            var (method, path, isToken) = routes[i % routes.Length];
            var (body, contentType, description) = NextBody(random, path);
            using var request = path.StartsWith("/_emulator", StringComparison.Ordinal)
                ? new HttpRequestMessage(new HttpMethod(method), path.TrimStart('/'))
                : EmulatorProbe.Authorized(new HttpMethod(method), path.TrimStart('/'));
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(isToken && random.Next(3) == 0 ? "application/x-www-form-urlencoded" : contentType);
            using var response = await probe.SendAsync(request, ct);
            int status = (int)response.StatusCode;
            statuses[status] = statuses.GetValueOrDefault(status) + 1;
            var text = await response.Content.ReadAsStringAsync(ct);
            var what = $"{method} {path} with {description}";
            if (status is < 400 or >= 500)
            {
                problems.Add($"{what}: {status} {Shorten(text)}");
                continue;
            }

            JsonNode? error = null;
            try
            {
                error = JsonNode.Parse(text);
            }
            catch (System.Text.Json.JsonException)
            {
                // reported below
            }

            bool documented = isToken
                ? error?["error"] is not null
                : error?["errorCode"] is not null && error["message"] is not null;
            if (!documented)
            {
                problems.Add($"{what}: {status} without an error body: {Shorten(text)}");
            }
        }

        var after = await probe.SendersAsync(ct);
        await TestContext.Out.WriteLineAsync($"Emulator HTTP: {total} malformed bodies over {routes.Length} routes; statuses {string.Join(", ", statuses.OrderBy(p => p.Key).Select(p => $"{p.Key}×{p.Value}"))}");

        foreach (var problem in problems)
        {
            await TestContext.Out.WriteLineAsync("  " + problem);
        }

        Assert.Multiple(() =>
        {
            Assert.That(problems, Is.Empty);
            Assert.That(after.Keys, Is.EquivalentTo(new[] { Existing }), "no sender created");
            Assert.That(after[Existing].ToJsonString(), Is.EqualTo(before), "the existing sender unchanged");
        });
    }

    private static (string Method, string Path, bool IsToken)[] Routes()
    {
        var senders = $"/v1/projects/{Sentinels.ProjectId}/kakaotalk/senders";
        var control = $"/_emulator/projects/{Sentinels.ProjectId}/kakaotalk/senders/{Uri.EscapeDataString(Existing)}";
        return
        [
            ("POST", senders, false),
            ("PATCH", $"{senders}/{Uri.EscapeDataString(Existing)}", false),
            ("POST", $"{senders}/{Uri.EscapeDataString(Existing)}/verify", false),
            ("POST", $"{senders}/{Uri.EscapeDataString(Existing)}/comments", false),
            ("POST", $"/v1/projects/{Sentinels.ProjectId}/webhooks", false),
            ("POST", "/oauth2/token", true),
            ("POST", "/_emulator/faults", false),
            ("POST", "/_emulator/review-policy", false),
            ("POST", "/_emulator/rate-limit", false),
            ("POST", $"{control}/state", false),
            ("POST", $"{control}/details", false),
        ];
    }

    private static (byte[] Body, string ContentType, string Description) NextBody(Random random, string path)
    {
        const string json = "application/json";
        switch (random.Next(14))
        {
            case 0: return ("{"u8.ToArray(), json, "truncated JSON");
            case 1: return (Encoding.UTF8.GetBytes(random.Next(4) switch { 0 => "null", 1 => "42", 2 => "\"text\"", _ => "[]" }), json, "a JSON non-object");
            case 2: return (RandomBytes(random), json, "random bytes");
            case 3: return (Encoding.UTF8.GetBytes(new string('[', 5000) + new string(']', 5000)), json, "nesting 5000 deep");
            case 4: return (Encoding.UTF8.GetBytes("{\"a\":\"" + new string('x', 1_200_000) + "\"}"), json, "a body over 1 MiB");
            case 5: return ([], json, "an empty body");
            case 6: return ("{\"plusFriendId\": 5, \"details\": \"x\", \"code\": \"abc\", \"comment\": 7, \"target\": 1, \"rules\": 3, \"mode\": 9, \"requestsPerSecond\": \"fast\", \"state\": 1, \"name\": []}"u8.ToArray(), json, "wrong types everywhere");
            case 7: return ("{\"details\": {\"adminPhoneNo\": null, \"name\": {\"n\": {\"n\": 1}}}, \"code\": 1234567, \"state\": \"lower\", \"comment\": \"\", \"target\": \"ftp://x\", \"mode\": \"sometimes\", \"requestsPerSecond\": -1, \"rules\": [1]}"u8.ToArray(), json, "out-of-range values");
            case 8: return (Encoding.UTF8.GetBytes("{\"plusFriendId\": \"" + new string('@', 5000) + "\", \"code\": 1e400, \"comment\": \"" + new string('c', 70_000) + "\", \"target\": \"https://" + new string('h', 3000) + "\", \"requestsPerSecond\": 1e400, \"mode\": \"" + new string('m', 3000) + "\"}"), json, "huge values");
            case 9: return ("{\"plusFriendId\":\"@a\",\"plusFriendId\":\"@b\",\"details\":{},\"details\":{},\"code\":null,\"code\":\"x\",\"rules\":null,\"mode\":5,\"mode\":6,\"requestsPerSecond\":\"x\",\"requestsPerSecond\":\"y\",\"state\":null,\"target\":null,\"comment\":null,\"grant_type\":1}"u8.ToArray(), json, "duplicate keys and nulls");
            case 10: return ("plusFriendId=@x&grant_type=password"u8.ToArray(), "text/plain", "a non-JSON content type");
            case 11: return ("{\"\u0000\": \"\\u0000\", \"__proto__\": {}, \"code\": \"\\ud800\", \"state\": \"\\ud800\"}"u8.ToArray(), json, "control characters and lone surrogates");
            case 12: return ("\"unknown\": 04da6b54-80e4-46f7-96ec-b56ff0331ba9"u8.ToArray(), json, "a bare unknown sentinel");
            default: return ("{\"unexpected\": true, \"details\": [], \"code\": [], \"rules\": {}, \"mode\": [], \"state\": {}, \"target\": [], \"requestsPerSecond\": {}, \"comment\": {}}"u8.ToArray(), json, "unexpected keys and shapes");
        }
    }

    private static byte[] RandomBytes(Random random)
    {
        var bytes = new byte[random.Next(1, 512)];
        random.NextBytes(bytes);
        bytes[0] = (byte)'\xff';
        return bytes;
    }

    private static async Task CreateExistingAsync(EmulatorProbe probe, CancellationToken ct)
    {
        using var request = EmulatorProbe.Authorized(HttpMethod.Post, $"v1/projects/{Sentinels.ProjectId}/kakaotalk/senders");
        request.Content = new StringContent(
            $$$"""{"plusFriendId":"{{{Existing}}}","details":{"adminPhoneNo":"{{{Sentinels.AdminPhoneNo}}}","name":"Shop","topLevelCategoryCode":"019","midLevelCategoryCode":"0006","subLevelCategoryCode":"0001"}}""",
            Encoding.UTF8,
            "application/json");
        using var response = await probe.SendAsync(request, ct);
        response.EnsureSuccessStatusCode();
    }

    private static string Shorten(string text) => text.Length <= 200 ? text : text[..200] + "…";
}
