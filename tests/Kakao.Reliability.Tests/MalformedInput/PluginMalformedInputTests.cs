using Grpc.Core;
using Kakao.EngineHarness;
using Kakao.EngineHarness.Results;
using Kakao.EngineHarness.Values;
using Kakao.Reliability.Tests.Support;

namespace Kakao.Reliability.Tests.MalformedInput;

/// <summary>
/// Generated malformed inputs through every RPC that takes user data (CheckConfig, Configure, Check, Diff,
/// Create, Read, Invoke) of the plugin process: each is answered with check failures or InvalidArgument
/// naming the property, never Internal/Unknown, never a crash, never an echoed secret, and nothing reaches
/// the emulator as a write.
/// </summary>
[TestFixture]
[Category("MalformedInput")]
public sealed class PluginMalformedInputTests
{
    private ReliabilityWorld _world = null!;
    private CancellationTokenSource _timeout = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _timeout = new CancellationTokenSource(SoakSettings.Current.Long ? TimeSpan.FromMinutes(20) : TimeSpan.FromSeconds(90));
        _world = await ReliabilityWorld.StartAsync(cancellationToken: _timeout.Token);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await _world.DisposeAsync();
        _timeout.Dispose();
    }

    [Test]
    public async Task ResourceRpcs_GeneratedMalformedInputs_AnsweredWithFailuresNamingTheProperty()
    {
        var ct = _timeout.Token;
        var session = _world.Session;
        var provider = session.Provider;
        var generator = new MalformedInputGenerator(SoakSettings.Current.Seed);
        var urn = session.Urn(ReliabilityWorld.SenderType, "malformed");
        var validInputs = (await provider.CheckAsync(urn, PropertyMap.Empty, MalformedInputGenerator.ValidSender, ct)).Inputs;
        var problems = new List<string>();
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        int total = SoakSettings.Current.MalformedInputs * 6 / 10;

        for (int i = 0; i < total; i++)
        {
            var method = (i % 5) switch { 0 or 1 => "Check", 2 => "Create", 3 => "Diff", _ => "Read" };
            counts[method] = counts.GetValueOrDefault(method) + 1;
            if (method == "Read")
            {
                var id = generator.NextId();
                var outcome = await OutcomeAsync(() => provider.ReadAsync(urn, id, validInputs, validInputs, ct));
                // The id of a sender is its plusFriendId: that is the name a rejection must use.
                Judge(problems, $"Read id '{Shorten(id)}'", outcome, "plusFriendId", mustReject: false);
                continue;
            }

            var input = generator.NextSender();
            switch (method)
            {
                case "Check":
                    var check = await OutcomeAsync(() => provider.CheckAsync(urn, PropertyMap.Empty, input.Inputs, ct));
                    Judge(problems, "Check " + input, check, input.Property, input.MustReject);
                    break;
                case "Create" when input.MustReject:
                    // Create on unchecked input (the engine never sends it, a buggy SDK might): refused, no API call.
                    var create = await OutcomeAsync(() => provider.CreateAsync(urn, input.Inputs, preview: i % 2 == 0, cancellationToken: ct));
                    Judge(problems, "Create " + input, create, input.Property, mustReject: true);
                    break;
                case "Create":
                    var preview = await OutcomeAsync(() => provider.CreateAsync(urn, input.Inputs, preview: true, cancellationToken: ct));
                    Judge(problems, "Create(preview) " + input, preview, input.Property, mustReject: false);
                    break;
                default:
                    var diff = await OutcomeAsync(() => provider.DiffAsync(urn, "@malformed", validInputs, validInputs, input.Inputs, cancellationToken: ct));
                    Judge(problems, "Diff " + input, diff, input.Property, mustReject: false);
                    break;
            }
        }

        int invokes = SoakSettings.Current.MalformedInputs / 10;
        for (int i = 0; i < invokes; i++)
        {
            var input = generator.NextInvokeArgs();
            var invoke = await OutcomeAsync(() => provider.InvokeAsync(ReliabilityWorld.GetSender, input.Inputs, cancellationToken: ct));
            Judge(problems, "Invoke " + input, invoke, input.Property, input.MustReject);
        }

        counts["Invoke"] = invokes;
        var requests = await _world.Probe.RequestsAsync(ct);
        var senders = await _world.Probe.SendersAsync(ct);
        await TestContext.Out.WriteLineAsync($"Plugin resource RPCs: {string.Join(", ", counts.Select(p => $"{p.Key} {p.Value}"))}; API requests reaching the emulator: {requests.Count} ({requests.Count(r => r.Method != "GET")} writes)");

        foreach (var problem in problems)
        {
            await TestContext.Out.WriteLineAsync("  " + problem);
        }

        Assert.Multiple(() =>
        {
            Assert.That(problems, Is.Empty);
            Assert.That(counts.Values.Sum(), Is.GreaterThanOrEqualTo(total + invokes));
            Assert.That(requests.Where(r => r.Method != "GET"), Is.Empty, "rejected input never reaches the API as a write");
            Assert.That(senders, Is.Empty, "the emulator is unchanged");
            Assert.That(session.Process!.HasExited, Is.False, "the plugin never crashed: " + session.Process.StandardError);
        });
    }

    [Test]
    public async Task ConfigRpcs_GeneratedMalformedConfig_AnsweredWithFailuresNamingTheKey()
    {
        var ct = _timeout.Token;
        await using var session = await ReliabilityWorld.StartPluginAsync(ct);
        var generator = new MalformedInputGenerator(SoakSettings.Current.Seed + 1);
        var valid = _world.Config();
        var problems = new List<string>();
        int total = SoakSettings.Current.MalformedInputs * 3 / 10;
        int configures = 0;

        for (int i = 0; i < total; i++)
        {
            var input = generator.NextConfig(valid);
            var check = await OutcomeAsync(() => session.Provider.CheckConfigAsync(session.ProviderUrn, PropertyMap.Empty, input.Inputs, ct));
            // Required keys may come from the environment: CheckConfig lets them be absent, Configure decides.
            bool missing = input.Description.EndsWith(" missing", StringComparison.Ordinal);
            Judge(problems, "CheckConfig " + input, check, input.Property, input.MustReject && !missing);
            if (input.MustReject)
            {
                configures++;
                var configure = await OutcomeAsync(() => session.Provider.ConfigureAsync(session.ProviderUrn, "kakao", input.Inputs, cancellationToken: ct));
                Judge(problems, "Configure " + input, configure, input.Property, mustReject: true);
            }
        }

        // After all that the plugin still takes a good configuration and works.
        await session.ConfigureAsync(valid, cancellationToken: ct);
        var categories = await session.InvokeAsync("kakao:index:getSenderCategories", PropertyMap.Empty, ct);
        await TestContext.Out.WriteLineAsync($"Plugin config RPCs: CheckConfig {total}, Configure {configures}");

        foreach (var problem in problems)
        {
            await TestContext.Out.WriteLineAsync("  " + problem);
        }

        Assert.Multiple(() =>
        {
            Assert.That(problems, Is.Empty);
            Assert.That(categories.Failures, Is.Empty);
            Assert.That(session.Process!.HasExited, Is.False, "the plugin never crashed: " + session.Process.StandardError);
        });
    }

    /// <summary>The answer of one call: the failures it returned, or the RPC error it raised.</summary>
    private static async Task<(IReadOnlyList<CheckFailure> Failures, ProviderRpcException? Error)> OutcomeAsync<T>(Func<Task<T>> call)
    {
        try
        {
            var result = await call();
            return result switch
            {
                CheckResult check => (check.Failures, null),
                InvokeResult invoke => (invoke.Failures, null),
                _ => ([], null),
            };
        }
        catch (ProviderRpcException ex)
        {
            return ([], ex);
        }
    }

    private static void Judge(List<string> problems, string what, (IReadOnlyList<CheckFailure> Failures, ProviderRpcException? Error) outcome, string property, bool mustReject)
    {
        // Status messages are bounded (2 KB): a 5 000-character key is named by its beginning.
        string named = property.Length > 200 ? property[..200] : property;
        var (failures, error) = outcome;
        var messages = failures.Select(f => f.Reason).Append(error?.Detail ?? string.Empty).ToArray();
        if (messages.Any(m => Sentinels.All.Any(s => m.Contains(s, StringComparison.Ordinal))))
        {
            problems.Add($"{what}: a secret was echoed");
        }

        if (error is not null)
        {
            if (error.StatusCode is StatusCode.Internal or StatusCode.Unknown)
            {
                problems.Add($"{what}: {error.StatusCode} {Shorten(error.Detail)}");
            }
            else if (error.StatusCode != StatusCode.InvalidArgument && error.StatusCode != StatusCode.NotFound)
            {
                problems.Add($"{what}: {error.StatusCode} instead of InvalidArgument: {Shorten(error.Detail)}");
            }
            else if (error.StatusCode == StatusCode.InvalidArgument && !error.Detail.Contains(named, StringComparison.Ordinal))
            {
                problems.Add($"{what}: InvalidArgument does not name {Shorten(property)}: {Shorten(error.Detail)}");
            }

            return;
        }

        if (failures.Count > 0)
        {
            if (!failures.Any(f => f.Property == property || f.Property.StartsWith(property + ".", StringComparison.Ordinal) || f.Property.EndsWith(":" + property, StringComparison.Ordinal)))
            {
                problems.Add($"{what}: failures do not name {Shorten(property)}: {string.Join("; ", failures.Select(f => $"{Shorten(f.Property)}: {Shorten(f.Reason)}"))}");
            }
        }
        else if (mustReject)
        {
            problems.Add($"{what}: accepted");
        }
    }

    private static string Shorten(string text) => text.Length <= 120 ? text : text[..120] + "…";
}
