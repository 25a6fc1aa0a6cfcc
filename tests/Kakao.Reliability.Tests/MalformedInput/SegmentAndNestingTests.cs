using Grpc.Core;
using Kakao.EngineHarness.Results;
using Kakao.EngineHarness.Values;
using Kakao.Reliability.Tests.Support;

namespace Kakao.Reliability.Tests.MalformedInput;

/// <summary>
/// Issue 12 §1, §2, §4 against the plugin process: ids and project ids that would leave their URL segment never
/// reach the API (nor report success); values nested past any decoder's limit end as InvalidArgument (or a
/// check failure naming the property), with no stack trace on stderr; no failure quotes a secret-marked value.
/// </summary>
[TestFixture]
[Category("MalformedInput")]
public sealed class SegmentAndNestingTests
{
    /// <summary>Ids that leave their segment once normalised or decoded by a client, proxy or server.</summary>
    private static readonly string[] EscapingIds = ["..", ".", " .. ", "%2e%2e", "%2E", ".%2e", "%252e%252e", "@a/..", "@a/../../b", "a\\b", "%2F", "@x%2f..", "@nul%00"];

    private ReliabilityWorld _world = null!;
    private CancellationTokenSource _timeout = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        _world = await ReliabilityWorld.StartAsync(cancellationToken: _timeout.Token);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await _world.DisposeAsync();
        _timeout.Dispose();
    }

    [SetUp]
    public Task ResetAsync() => _world.ResetAsync(_timeout.Token);

    [Test]
    public async Task ReadAndDelete_IdOrProjectLeavingItsSegment_AreInvalidArgumentAndReachNoUrl()
    {
        var ct = _timeout.Token;
        var provider = _world.Session.Provider;
        var urn = _world.Session.Urn(ReliabilityWorld.SenderType, "segments");
        var state = new PropertyMap { ["plusFriendId"] = "@segments", ["projectId"] = Sentinels.ProjectId };
        var problems = new List<string>();
        int requestsBefore = (await _world.Probe.RequestsAsync(ct)).Count;

        foreach (var id in EscapingIds)
        {
            Expect(problems, $"Read '{id}'", await ErrorOfAsync(() => provider.ReadAsync(urn, id, state, state, ct)), "plusFriendId");
            Expect(problems, $"Delete '{id}'", await ErrorOfAsync(() => provider.DeleteAsync(urn, id, state, state, cancellationToken: ct)), "plusFriendId");
            Expect(problems, $"Update '{id}'", await ErrorOfAsync(() => provider.UpdateAsync(urn, id, state, state, ReliabilityWorld.SenderInputs("@segments"), cancellationToken: ct)), "plusFriendId");

            var badProject = state.With("projectId", id);
            Expect(problems, $"Read in project '{id}'", await ErrorOfAsync(() => provider.ReadAsync(urn, "@segments", badProject, badProject, ct)), "projectId");
            Expect(problems, $"Delete in project '{id}'", await ErrorOfAsync(() => provider.DeleteAsync(urn, "@segments", badProject, badProject, cancellationToken: ct)), "projectId");

            var check = await provider.CheckAsync(urn, PropertyMap.Empty, ReliabilityWorld.SenderInputs("@segments").With("projectId", id), ct);
            if (!check.Failures.Any(f => f.Property == "projectId"))
            {
                problems.Add($"Check projectId '{id}': accepted");
            }

            var invoke = await provider.InvokeAsync(ReliabilityWorld.GetSender, new PropertyMap { ["plusFriendId"] = id }, cancellationToken: ct);
            if (!invoke.Failures.Any(f => f.Property == "plusFriendId"))
            {
                problems.Add($"getSender plusFriendId '{id}': not refused by name");
            }

            var config = await provider.CheckConfigAsync(_world.Session.ProviderUrn, PropertyMap.Empty, _world.Config().With("projectId", id), ct);
            if (id.Trim().Length > 0 && !config.Failures.Any(f => f.Property == "projectId"))
            {
                problems.Add($"CheckConfig projectId '{id}': accepted");
            }
        }

        var requests = (await _world.Probe.RequestsAsync(ct)).Skip(requestsBefore).ToArray();
        foreach (var problem in problems)
        {
            await TestContext.Out.WriteLineAsync("  " + problem);
        }

        Assert.Multiple(() =>
        {
            Assert.That(problems, Is.Empty);
            Assert.That(requests, Is.Empty, "not one request reached the API: " + string.Join(", ", requests.Select(r => $"{r.Method} {r.Path}")));
        });
    }

    [TestCase(40, false)]
    [TestCase(90, false)]
    [TestCase(150, true)]
    [TestCase(1000, true)]
    public async Task Rpcs_ValueNestedDeep_AnsweredWithoutUnknownOrStackTrace(int depth, bool pastTheDecoder)
    {
        var ct = _timeout.Token;
        var provider = _world.Session.Provider;
        var urn = _world.Session.Urn(ReliabilityWorld.SenderType, "nested");
        var nested = Nested(depth);
        var inputs = ReliabilityWorld.SenderInputs("@nested").With("name", nested);
        int stderrBefore = _world.Session.Process!.StandardError.Length;

        var outcomes = new List<(string What, IReadOnlyList<CheckFailure> Failures, ProviderRpcException? Error)>();
        foreach (var (what, call) in new (string, Func<Task<object>>)[]
        {
            ("Check", async () => await provider.CheckAsync(urn, PropertyMap.Empty, inputs, ct)),
            ("Create", async () => await provider.CreateAsync(urn, inputs, preview: false, cancellationToken: ct)),
            ("Create(preview)", async () => await provider.CreateAsync(urn, inputs, preview: true, cancellationToken: ct)),
            ("Diff", async () => await provider.DiffAsync(urn, "@nested", inputs, inputs, inputs, cancellationToken: ct)),
            ("Invoke", async () => await provider.InvokeAsync(ReliabilityWorld.GetSender, new PropertyMap { ["plusFriendId"] = nested }, cancellationToken: ct)),
        })
        {
            var (failures, error) = await OutcomeAsync(call);
            outcomes.Add((what, failures, error));
        }

        if (pastTheDecoder)
        {
            // CheckConfig echoes its inputs: nesting the plugin can decode comes back deeper than the harness's own
            // protobuf decoder allows (the engine's Go decoder allows 10 000), so only the refused depths go here.
            var (failures, error) = await OutcomeAsync(async () => await provider.CheckConfigAsync(_world.Session.ProviderUrn, PropertyMap.Empty, _world.Config().With("endpoint", nested), ct));
            outcomes.Add(("CheckConfig", failures, error));
        }

        var stderr = _world.Session.Process.StandardError[stderrBefore..];
        await TestContext.Out.WriteLineAsync($"depth {depth}: " + string.Join("; ", outcomes.Select(o => $"{o.What} → {(o.Error is { } e ? e.StatusCode + ": " + Shorten(e.Detail) : o.Failures.Count + " failure(s)")}")));

        Assert.Multiple(() =>
        {
            foreach (var (what, failures, error) in outcomes)
            {
                if (error is not null)
                {
                    Assert.That(error.StatusCode, Is.EqualTo(StatusCode.InvalidArgument), $"{what}: {error.Detail}");
                    if (pastTheDecoder)
                    {
                        Assert.That(error.Detail, Does.Contain("nested too deeply"), what);
                    }
                }
                else if (what is "Check")
                {
                    Assert.That(failures.Select(f => f.Property), Does.Contain("name"), "a check failure names the property");
                }
            }

            Assert.That(stderr, Does.Not.Contain("   at ").And.Not.Contain("Exception was thrown"), "no stack trace on stderr");
            Assert.That(_world.Session.Process.HasExited, Is.False);
        });
    }

    [Test]
    public async Task Check_SecretBadValueOfEveryProperty_IsNeverQuoted()
    {
        var ct = _timeout.Token;
        var provider = _world.Session.Provider;
        var urn = _world.Session.Urn(ReliabilityWorld.SenderType, "secret-values");
        string[] shapes = ["{0}", " {0} ", "x{0}x", "{0}/..", "ftp://{0}", "{0}\u0001", "@{0} space", "+{0}", "https://e.com/" + new string('a', 3000) + "{0}"];
        var problems = new List<string>();
        foreach (var property in new[] { "plusFriendId", "projectId", "adminPhoneNo", "name", "topLevelCategoryCode", "midLevelCategoryCode", "subLevelCategoryCode", "logoImage", "submit" })
        {
            foreach (var shape in shapes)
            {
                var value = PropertyValue.Secret(string.Format(System.Globalization.CultureInfo.InvariantCulture, shape, Sentinels.KeySecret));
                var inputs = ReliabilityWorld.SenderInputs("@secret-values").With(property, value);
                var check = await provider.CheckAsync(urn, PropertyMap.Empty, inputs, ct);
                var create = await OutcomeAsync(async () => await provider.CreateAsync(urn, inputs, preview: true, cancellationToken: ct));
                foreach (var text in check.Failures.Select(f => f.Reason).Append(create.Error?.Detail ?? ""))
                {
                    if (text.Contains(Sentinels.KeySecret, StringComparison.Ordinal) || text.Contains(Sentinels.KeySecret[..8], StringComparison.Ordinal))
                    {
                        problems.Add($"{property} as '{Shorten(shape)}': {Shorten(text)}");
                    }
                }
            }
        }

        Assert.That(problems, Is.Empty);
    }

    private static PropertyValue Nested(int depth)
    {
        PropertyValue value = "leaf";
        for (int i = 0; i < depth; i++)
        {
            value = i % 2 == 0 ? new PropertyMap { ["n"] = value } : PropertyValue.Array(value);
        }

        return value;
    }

    private static void Expect(List<string> problems, string what, ProviderRpcException? error, string property)
    {
        if (error is null)
        {
            problems.Add($"{what}: reported success");
        }
        else if (error.StatusCode != StatusCode.InvalidArgument || !error.Detail.Contains(property, StringComparison.Ordinal))
        {
            problems.Add($"{what}: {error.StatusCode} {Shorten(error.Detail)} (expected InvalidArgument naming {property})");
        }
    }

    private static async Task<ProviderRpcException?> ErrorOfAsync(Func<Task> call)
    {
        try
        {
            await call();
            return null;
        }
        catch (ProviderRpcException ex)
        {
            return ex;
        }
    }

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

    private static string Shorten(string text) => text.Length <= 160 ? text : text[..160] + "…";
}
