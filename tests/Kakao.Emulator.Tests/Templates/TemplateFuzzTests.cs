using System.Text.Json.Nodes;
using Kakao.Emulator.Tests.Support;

namespace Kakao.Emulator.Tests.Templates;

/// <summary>
/// Every template body-taking route against malformed JSON and a valid body with each field (buttons' fields
/// included) set to every wrong JSON type: always a 4xx with a JSON body (or a success for the combinations that
/// happen to be valid), never a 5xx, and a refused request never changes the templates.
/// </summary>
[TestFixture]
public sealed class TemplateFuzzTests
{
    private static readonly string[] RawBodies = ["", "{", "}", "[]", "null", "1", "\"s\"", "{\"a\":1}", "\u0000", "{\"x\":\"\uD800\"}"];

    private static readonly JsonNode?[] WrongValues =
    [
        1, -1, 1e300, 0.5, true, null, new JsonArray(), new JsonArray(1, "a"), new JsonObject(), new JsonObject { ["k"] = 1 },
        "x", string.Empty, new string('y', 70_000), "\u0000", "0", "#{", "https://", "EMPHASIZE_TYPE_TEXT", "KO",
    ];

    private static readonly string[] DetailFields =
    [
        "name", "language", "content", "messageType", "emphasizeType", "categoryCode", "securityFlag", "extra", "title",
        "subtitle", "imageName", "imageUrl", "buttons", "buttons.0", "buttons.0.ordering", "buttons.0.type", "buttons.0.name",
        "buttons.0.linkMo", "buttons.0.schemeIos",
    ];

    [Test]
    public async Task TemplateRoutes_MalformedOrWronglyTypedBodies_NeverAnswer5xxNorChangeAnythingWhenRefused()
    {
        await using var emulator = await EmulatorHarness.StartAsync(o => o.TemplateReviewMode = ReviewMode.Manual);
        string project = EmulatorHarness.NewProject();
        await emulator.CreateActiveSenderAsync(project);
        string code = TemplateApi.Code(await TemplateApi.CreateAsync(emulator, project, TemplateApi.Body("fuzz-base", status: "DRAFT")));
        var routes = new (string Method, string Path, JsonObject Valid, string[] Fields)[]
        {
            ("POST", TemplateApi.List(project), Valid("SUBMIT", saveDraft: false), ["status", "saveDraftOnFailure", "details", .. DetailFields.Select(f => "details." + f)]),
            ("PATCH", TemplateApi.One(project, code), Valid("DRAFT", saveDraft: null, language: false), ["status", "details", .. DetailFields.Where(f => f != "language").Select(f => "details." + f)]),
            ("POST", TemplateApi.One(project, code) + "/comments", new JsonObject { ["comment"] = "ok" }, ["comment"]),
            ("POST", TemplateApi.Control(project, code) + "/reject", new JsonObject { ["comment"] = "ok" }, ["comment"]),
            ("POST", "_emulator/template-review-policy", new JsonObject { ["mode"] = "manual" }, ["mode", "delaySeconds", "comment"]),
        };
        var failures = new List<string>();

        foreach (var (method, path, valid, fields) in routes)
        {
            var bodies = RawBodies.Concat(fields.SelectMany(field => WrongValues.Select(value => Mutate(valid, field, value))));
            foreach (string body in bodies)
            {
                string before = await emulator.Client.GetStringAsync(TemplateApi.List(project));
                using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = EmulatorHarness.JsonContent(body) };
                using var response = await emulator.Client.SendAsync(request);
                string text = await response.Content.ReadAsStringAsync();
                int status = (int)response.StatusCode;
                if (status >= 500 || (text.Length > 0 && !JsonText.IsJson(text)))
                {
                    failures.Add($"{method} {path} {JsonText.Shorten(body)} -> {status} {JsonText.Shorten(text)}");
                }
                else if (status >= 400 && await emulator.Client.GetStringAsync(TemplateApi.List(project)) != before)
                {
                    failures.Add($"{method} {path} {JsonText.Shorten(body)} -> {status} but the templates changed");
                }
                else if (status < 300 && method == "POST" && path == TemplateApi.List(project))
                {
                    // A valid create: remove it so the next one with the same name is judged on its own.
                    string created = JsonNode.Parse(text)!["code"]!.GetValue<string>();
                    (await emulator.Client.DeleteAsync(TemplateApi.One(project, created))).Dispose();
                }
            }
        }

        Assert.That(failures, Is.Empty);
    }

    private static JsonObject Valid(string status, bool? saveDraft, bool language = true)
    {
        var details = new JsonObject
        {
            ["name"] = "fuzz-new",
            ["content"] = "#{name}님 안녕하세요",
            ["messageType"] = "BASIC",
            ["emphasizeType"] = "EMPHASIZE_TYPE_NONE",
            ["categoryCode"] = "999999",
            ["securityFlag"] = false,
            ["buttons"] = new JsonArray(new JsonObject { ["ordering"] = 1, ["type"] = "WEB_LINK", ["name"] = "열기", ["linkMo"] = "https://a.example", ["schemeIos"] = "app://x" }),
        };
        if (language)
        {
            details["language"] = "KO";
        }

        var body = new JsonObject { ["status"] = status, ["details"] = details };
        if (saveDraft is { } save)
        {
            body["saveDraftOnFailure"] = save;
        }

        return body;
    }

    private static string Mutate(JsonObject valid, string field, JsonNode? value)
    {
        var root = valid.DeepClone().AsObject();
        string[] parts = field.Split('.');
        JsonNode container = root;
        foreach (string part in parts[..^1])
        {
            container = int.TryParse(part, out int index) ? container.AsArray()[index]! : container[part]!;
        }

        if (container is JsonArray array)
        {
            array[int.Parse(parts[^1], System.Globalization.CultureInfo.InvariantCulture)] = value?.DeepClone();
        }
        else
        {
            container[parts[^1]] = value?.DeepClone();
        }

        return root.ToJsonString();
    }
}
