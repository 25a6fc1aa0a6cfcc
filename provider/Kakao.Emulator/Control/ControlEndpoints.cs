using System.Text.Json;
using System.Text.RegularExpressions;
using Kakao.Emulator.Domain;
using Kakao.Emulator.Domain.Templates;
using Kakao.Emulator.Http;
using Kakao.Emulator.Json;
using Kakao.Emulator.Serialization;
using Kakao.Emulator.State;

namespace Kakao.Emulator.Control;

/// <summary>
/// The control API under /_emulator (no auth: a local test tool). Routes are fixed — other tools, tests and
/// examples depend on them (see docs/emulator.md).
/// </summary>
internal static partial class ControlEndpoints
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        var control = routes.MapGroup(EmulatorPaths.ControlPrefix);
        var sender = control.MapGroup("/projects/{projectId}/kakaotalk/senders/{plusFriendId}");

        sender.MapPost("/approve", async (string projectId, string plusFriendId, EmulatorStore store, SenderService service) =>
            Json(await store.ExecuteAsync(s => service.Approve(s, projectId, plusFriendId))));

        sender.MapPost("/reject", async (string projectId, string plusFriendId, HttpContext context, EmulatorStore store, SenderService service) =>
        {
            string? comment = null;
            if (context.Request.ContentLength is null or > 0)
            {
                var bytes = await JsonBodyReader.ReadBoundedAsync(context, SinchErrors.InvalidInput, context.RequestAborted);
                if (bytes.Length > 0)
                {
                    var body = ParseObject(bytes);
                    comment = OptionalString(body, "comment");
                }
            }

            return Json(await store.ExecuteAsync(s => service.Reject(s, projectId, plusFriendId, comment)));
        });

        sender.MapPost("/state", async (string projectId, string plusFriendId, HttpContext context, EmulatorStore store, SenderService service) =>
        {
            var body = await JsonBodyReader.ReadObjectAsync(context, SinchErrors.InvalidInput, context.RequestAborted);
            string? state = OptionalString(body, "state");
            if (state is null || !StatePattern().IsMatch(state))
            {
                // Any upper-case value is accepted on purpose: clients must survive states the API adds later.
                throw ApiException.InvalidInput("state must be an upper-case value such as ACTIVE, BLOCKED, INACTIVE, SUSPENDED or VERIFYING");
            }

            return Json(await store.ExecuteAsync(s => service.SetState(s, projectId, plusFriendId, state)));
        });

        sender.MapPost("/details", async (string projectId, string plusFriendId, HttpContext context, EmulatorStore store, SenderService service) =>
        {
            var body = await JsonBodyReader.ReadObjectAsync(context, SinchErrors.InvalidInput, context.RequestAborted);
            var errors = new List<string>();
            var patch = SenderInputParser.ParseDetails(body, string.Empty, allowNullLogo: true, errors);
            if (errors.Count > 0)
            {
                throw ApiException.InvalidInput(errors);
            }

            if (patch.IsEmpty)
            {
                throw new ApiException(SinchErrors.NoFieldsToUpdate);
            }

            return Json(await store.ExecuteAsync(s => service.EditDetails(s, projectId, plusFriendId, patch)));
        });

        sender.MapGet("/otp", async (string projectId, string plusFriendId, EmulatorStore store, SenderService service) =>
        {
            int? code = await store.ExecuteAsync(s => service.CurrentOtp(s, projectId, plusFriendId));
            return code is { } value
                ? Json(new { code = value })
                : throw new ApiException(SinchErrors.EmulatorNotFound, messageOverride: "No valid one-time code: register the sender first.");
        });

        control.MapGet("/review-policy", (ReviewPolicyHolder policy) => Json(Describe(policy.Current)));

        control.MapPost("/review-policy", async (HttpContext context, ReviewPolicyHolder policy) =>
        {
            var body = await JsonBodyReader.ReadObjectAsync(context, SinchErrors.InvalidInput, context.RequestAborted);
            policy.Current = ParsePolicy(body, policy.Current);
            return Json(Describe(policy.Current));
        });

        control.MapGet("/deleted-senders", (DeletedSendersHolder deleted) => Json(new { mode = Name(deleted.Current) }));

        control.MapPost("/deleted-senders", async (HttpContext context, DeletedSendersHolder deleted) =>
        {
            var body = await JsonBodyReader.ReadObjectAsync(context, SinchErrors.InvalidInput, context.RequestAborted);
            deleted.Current = OptionalString(body, "mode") switch
            {
                "gone" => DeletedSenderMode.Gone,
                "retained" => DeletedSenderMode.Retained,
                _ => throw ApiException.InvalidInput("mode must be one of the following values: gone, retained"),
            };
            return Json(new { mode = Name(deleted.Current) });
        });

        control.MapGet("/faults", (FaultInjector faults) => Json(faults.Describe()));

        control.MapPost("/faults", async (HttpContext context, FaultInjector faults) =>
        {
            var body = await JsonBodyReader.ReadObjectAsync(context, SinchErrors.InvalidInput, context.RequestAborted);
            var (rules, seed) = FaultRuleParser.Parse(body);
            faults.Replace(rules, seed);
            return Json(faults.Describe());
        });

        control.MapDelete("/faults", (FaultInjector faults) =>
        {
            faults.Clear();
            return Results.NoContent();
        });

        control.MapGet("/rate-limit", (RateLimiter limiter) => Json(new { requestsPerSecond = limiter.RequestsPerSecond }));

        control.MapPost("/rate-limit", async (HttpContext context, RateLimiter limiter) =>
        {
            var body = await JsonBodyReader.ReadObjectAsync(context, SinchErrors.InvalidInput, context.RequestAborted);
            double? rate = null;
            if (body.TryGetProperty("requestsPerSecond", out var r) && r.ValueKind != JsonValueKind.Null)
            {
                if (r.ValueKind != JsonValueKind.Number || !r.TryGetDouble(out double value) || value < 0 || value > 1_000_000)
                {
                    throw ApiException.InvalidInput("requestsPerSecond must be a number between 0 and 1000000 (0 or null turns limiting off)");
                }

                rate = value;
            }

            limiter.Configure(rate);
            return Json(new { requestsPerSecond = limiter.RequestsPerSecond });
        });

        control.MapGet("/requests", (HttpContext context, RequestLog log) =>
        {
            string? since = context.Request.Query["since"];
            if (!long.TryParse(since ?? "0", System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out long after))
            {
                throw ApiException.InvalidInput("since must be a non-negative integer (a sequence number of the log)");
            }

            return Json(new { requests = log.Snapshot(after) });
        });

        TemplateControlEndpoints.Map(control);

        control.MapPost("/reset", async (EmulatorStore store, FaultInjector faults, RateLimiter limiter, RequestLog log, ReviewPolicyHolder policy, TemplateReviewPolicyHolder templatePolicy, DeletedSendersHolder deleted) =>
        {
            deleted.Current = deleted.Initial;
            templatePolicy.Current = templatePolicy.Initial;
            await store.ResetAsync();
            faults.Clear();
            limiter.Configure(null);
            policy.Current = policy.Initial;
            log.Clear();
            return Results.NoContent();
        });
    }

    internal static ReviewPolicy ParsePolicy(JsonElement body, ReviewPolicy current)
    {
        var errors = new List<string>();
        var mode = current.Mode;
        if (OptionalString(body, "mode") is { } modeText)
        {
            if (!Enum.TryParse(modeText, ignoreCase: true, out mode) || !Enum.IsDefined(mode) || int.TryParse(modeText, out _))
            {
                errors.Add("mode must be one of the following values: approve, reject, manual");
            }
        }

        var delay = current.Delay;
        if (body.TryGetProperty("delaySeconds", out var d) && d.ValueKind != JsonValueKind.Null)
        {
            if (d.ValueKind != JsonValueKind.Number || !d.TryGetDouble(out double seconds) || seconds < 0 || seconds > 86_400)
            {
                errors.Add("delaySeconds must be a number between 0 and 86400");
            }
            else
            {
                delay = TimeSpan.FromSeconds(seconds);
            }
        }

        string? comment = body.TryGetProperty("comment", out _) ? OptionalString(body, "comment") : current.Comment;
        if (errors.Count > 0)
        {
            throw ApiException.InvalidInput(errors);
        }

        return new ReviewPolicy(mode, delay, comment);
    }

    internal static object Describe(ReviewPolicy policy) => new
    {
        mode = policy.Mode.ToString().ToLowerInvariant(),
        delaySeconds = policy.Delay.TotalSeconds,
        comment = policy.Comment,
    };

    private static string Name(DeletedSenderMode mode) => mode == DeletedSenderMode.Retained ? "retained" : "gone";

    internal static string? OptionalString(JsonElement body, string name)
    {
        if (!body.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : throw ApiException.InvalidInput($"{name} must be a string");
    }

    internal static JsonElement ParseObject(byte[] bytes)
    {
        try
        {
            using var document = JsonDocument.Parse(bytes);
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? document.RootElement.Clone()
                : throw ApiException.InvalidInput("request body must be a JSON object");
        }
        catch (JsonException)
        {
            throw ApiException.InvalidInput("request body must be valid JSON");
        }
    }

    private static IResult Json<T>(T value) => Results.Json(value, EmulatorJson.Options);

    [GeneratedRegex("^[A-Z][A-Z_]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex StatePattern();
}
