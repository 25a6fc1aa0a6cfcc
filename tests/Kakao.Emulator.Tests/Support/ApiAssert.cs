using System.Net;
using System.Text.Json.Nodes;

namespace Kakao.Emulator.Tests.Support;

/// <summary>Assertions on API answers: status, schema of the facts file, exact error texts.</summary>
internal static class ApiAssert
{
    /// <summary>Asserts the status and that the body validates against the named facts schema; returns the body.</summary>
    public static async Task<JsonNode> SucceedsAsync(HttpResponseMessage response, HttpStatusCode status, string schemaName)
    {
        string text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(status), text);
        var body = JsonNode.Parse(text);
        Assert.That(FactsSchemas.Validate(body, schemaName), Is.Empty, $"{schemaName}: {text}");
        return body!;
    }

    /// <summary>
    /// Asserts a Sinch error: status, errorCode, and message/resolution exactly as the facts file's error
    /// table; the body validates against KakaotalkPapiErrorDto. Returns the body.
    /// </summary>
    public static async Task<JsonObject> FailsAsync(HttpResponseMessage response, string errorCode)
    {
        string text = await response.Content.ReadAsStringAsync();
        var expected = FactsSchemas.Error(errorCode);
        Assert.That((int)response.StatusCode, Is.EqualTo(expected["status"]!.GetValue<int>()), text);
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/json"));
        var body = JsonNode.Parse(text)!.AsObject();
        Assert.Multiple(() =>
        {
            Assert.That(body["errorCode"]?.GetValue<string>(), Is.EqualTo(errorCode), text);
            Assert.That(body["message"]?.GetValue<string>(), Is.EqualTo(expected["message"]!.GetValue<string>()));
            Assert.That(body["resolution"]?.GetValue<string>(), Is.EqualTo(expected["resolution"]!.GetValue<string>()));
        });

        // The facts' schema types additionalInformation values as string arrays, while the error table itself
        // shows supportedCodes as one string: those bodies are checked against the table instead.
        if (body["additionalInformation"]?["supportedCodes"] is null)
        {
            Assert.That(FactsSchemas.Validate(body, "KakaotalkPapiErrorDto"), Is.Empty, text);
        }
        else
        {
            Assert.That(body["additionalInformation"]!.ToJsonString(), Is.EqualTo(expected["additionalInformation"]!.ToJsonString()));
        }

        return body;
    }

    /// <summary>The validation errors of an invalid_input body.</summary>
    public static IReadOnlyList<string> ValidationErrors(JsonObject error) =>
        error["additionalInformation"]?["validationErrors"]?.AsArray().Select(e => e!.GetValue<string>()).ToArray() ?? [];
}
