using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Kakao.EngineHarness.Lifecycle;
using Kakao.EngineHarness.Results;
using Kakao.EngineHarness.Values;
using Kakao.EngineHarness.Wire;
using DiffChanges = Kakao.EngineHarness.Wire.DiffResponse.Types.DiffChanges;

namespace Kakao.EngineHarness.Tests.EngineBehaviour;

/// <summary>engine-behaviour.md §2 rows Check, Diff, Create, Update, Delete and §3 replace.</summary>
public class ResourceFlowTests : FakeProviderTest
{
    [Test]
    public async Task UpAsync_Replacement_RerunsCheckWithNewsOnlyBeforeCreate()
    {
        await using var session = await Configured();
        await session.UpAsync(Type, "a", new PropertyMap { ["key"] = "1" });
        Provider.OnDiff = _ => Task.FromResult(new DiffResponse { Changes = DiffChanges.DiffSome, Replaces = { "key" } });

        await session.UpAsync(Type, "a", new PropertyMap { ["key"] = "2" });

        var checks = Provider.Requests<CheckRequest>("Check");
        Assert.Multiple(() =>
        {
            Assert.That(Provider.CallNames.TakeLast(5), Is.EqualTo(new[] { "Check", "Diff", "Check", "Create", "Delete" }));
            Assert.That(checks[^2].Olds.Fields["key"].StringValue, Is.EqualTo("1"), "the first Check has the old inputs");
            Assert.That(checks[^1].Olds.Fields, Is.Empty, "the replacement's Check has the news only");
            Assert.That(checks[^1].News.Fields["key"].StringValue, Is.EqualTo("2"));
        });
    }

    [Test]
    public async Task PreviewAsync_Replacement_RerunsCheckThenCreatesInPreview()
    {
        await using var session = await Configured();
        await session.UpAsync(Type, "a", new PropertyMap { ["key"] = "1" });
        Provider.OnDiff = _ => Task.FromResult(new DiffResponse { Changes = DiffChanges.DiffSome, Replaces = { "key" } });

        var preview = await session.PreviewAsync(Type, "a", new PropertyMap { ["key"] = "2" });

        Assert.Multiple(() =>
        {
            Assert.That(preview.Operation, Is.EqualTo(ResourceOperation.Replace));
            Assert.That(Provider.CallNames.TakeLast(4), Is.EqualTo(new[] { "Check", "Diff", "Check", "Create" }));
            Assert.That(Provider.Requests<CreateRequest>("Create")[^1].Preview, Is.True);
            Assert.That(Provider.Requests<CheckRequest>("Check")[^1].Olds.Fields, Is.Empty);
        });
    }

    [Test]
    public async Task UpAsync_ReplacementFailingItsCheck_StopsBeforeCreate()
    {
        await using var session = await Configured();
        await session.UpAsync(Type, "a", new PropertyMap { ["key"] = "1" });
        Provider.OnDiff = _ => Task.FromResult(new DiffResponse { Changes = DiffChanges.DiffSome, Replaces = { "key" } });
        Provider.OnCheck = request => Task.FromResult(request.Olds.Fields.Count == 0
            ? new CheckResponse { Failures = { new Kakao.EngineHarness.Wire.CheckFailure { Property = "key", Reason = "needs a default" } } }
            : new CheckResponse { Inputs = request.News });

        Assert.ThrowsAsync<CheckFailedException>(() => session.UpAsync(Type, "a", new PropertyMap { ["key"] = "2" }));
        Assert.That(Provider.CallNames, Has.Exactly(1).EqualTo("Create"));
    }

    [Test]
    public async Task UpAsync_DeleteBeforeReplaceOption_DeletesFirst()
    {
        await using var session = await Configured();
        var options = new ResourceOptions { DeleteBeforeReplace = true };
        await session.UpAsync(Type, "a", new PropertyMap { ["key"] = "1" }, options);
        Provider.OnDiff = _ => Task.FromResult(new DiffResponse { Changes = DiffChanges.DiffSome, Replaces = { "key" } });

        await session.UpAsync(Type, "a", new PropertyMap { ["key"] = "2" }, options);

        Assert.That(Provider.CallNames.TakeLast(3), Is.EqualTo(new[] { "Check", "Delete", "Create" }));
    }

    [Test]
    public async Task Lifecycle_CustomTimeouts_SentAsSecondsOnEachCall()
    {
        await using var session = await Configured();
        var options = new ResourceOptions
        {
            CustomTimeouts = new CustomTimeouts(Create: TimeSpan.FromMinutes(30), Update: TimeSpan.FromSeconds(90), Delete: TimeSpan.FromSeconds(45), Read: TimeSpan.FromSeconds(12)),
            IgnoreChanges = ["tags"],
        };
        await session.UpAsync(Type, "a", new PropertyMap { ["name"] = "1" }, options);
        Provider.OnDiff = _ => Task.FromResult(new DiffResponse { Changes = DiffChanges.DiffSome });
        await session.UpAsync(Type, "a", new PropertyMap { ["name"] = "2" }, options);
        Provider.OnDiff = _ => Task.FromResult(new DiffResponse { Changes = DiffChanges.DiffNone });
        await session.RefreshAsync(session.Urn(Type, "a"));

        await session.DestroyAsync(session.Urn(Type, "a"));

        Assert.Multiple(() =>
        {
            Assert.That(Provider.Requests<CreateRequest>("Create").Single().Timeout, Is.EqualTo(1800));
            Assert.That(Provider.Requests<UpdateRequest>("Update").Single().Timeout, Is.EqualTo(90));
            Assert.That(Provider.Requests<UpdateRequest>("Update").Single().IgnoreChanges, Is.EqualTo(new[] { "tags" }));
            Assert.That(Provider.Requests<DiffRequest>("Diff")[0].IgnoreChanges, Is.EqualTo(new[] { "tags" }));
            Assert.That(Provider.Requests<ReadRequest>("Read").Single().Timeout, Is.EqualTo(12));
            Assert.That(Provider.Requests<DeleteRequest>("Delete").Single().Timeout, Is.EqualTo(45));
        });
    }

    [Test]
    public async Task Lifecycle_NoCustomTimeouts_SendsZero()
    {
        await using var session = await Configured();

        await session.UpAsync(Type, "a", new PropertyMap { ["name"] = "1" });

        Assert.That(Provider.Requests<CreateRequest>("Create").Single().Timeout, Is.Zero);
    }

    [Test]
    public async Task UpAsync_CreateWithoutId_RejectedAndNothingRecorded()
    {
        await using var session = await Configured();
        Provider.OnCreate = request => Task.FromResult(new CreateResponse { Id = string.Empty, Properties = request.Properties });

        var error = Assert.ThrowsAsync<EngineRejectionException>(() => session.UpAsync(Type, "a", new PropertyMap { ["name"] = "x" }));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Message, Does.Contain("plugin returned empty resource.ID from create"));
            Assert.That(session.State.Resources, Is.Empty);
        });
    }

    [Test]
    public async Task UpAsync_CreateOutputsWithUnknowns_RejectedAndNothingRecorded()
    {
        await using var session = await Configured();
        Provider.OnCreate = _ => Task.FromResult(new CreateResponse
        {
            Id = "id-1",
            Properties = Fields(("status", Value.ForString(WireSentinels.UnknownString))),
        });

        var error = Assert.ThrowsAsync<EngineRejectionException>(() => session.UpAsync(Type, "a", new PropertyMap { ["name"] = "x" }));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Message, Does.Contain("unexpected unknown property value for \"status\""));
            Assert.That(session.State.Resources, Is.Empty);
        });
    }

    [Test]
    public async Task PreviewAsync_CreateOutputsWithUnknownsAndNoId_Accepted()
    {
        await using var session = await Configured();
        Provider.OnCreate = _ => Task.FromResult(new CreateResponse { Properties = Fields(("status", Value.ForString(WireSentinels.UnknownString))) });

        var preview = await session.PreviewAsync(Type, "a", new PropertyMap { ["name"] = "x" });

        Assert.That(preview.PlannedOutputs["status"].IsUnknown, Is.True);
    }

    [Test]
    public async Task UpAsync_UpdateOutputsWithUnknowns_Rejected()
    {
        await using var session = await Configured();
        await session.UpAsync(Type, "a", new PropertyMap { ["name"] = "1" });
        Provider.OnDiff = _ => Task.FromResult(new DiffResponse { Changes = DiffChanges.DiffSome });
        Provider.OnUpdate = _ => Task.FromResult(new UpdateResponse { Properties = Fields(("status", Value.ForString(WireSentinels.UnknownString))) });

        Assert.ThrowsAsync<EngineRejectionException>(() => session.UpAsync(Type, "a", new PropertyMap { ["name"] = "2" }));
        Assert.That(session.State.Get(session.Urn(Type, "a")).Inputs["name"], Is.EqualTo(PropertyValue.String("1")));
    }

    [TestCase(StatusCode.Cancelled)]
    [TestCase(StatusCode.DeadlineExceeded)]
    [TestCase(StatusCode.Unavailable)]
    public async Task UpAsync_CreateFailsWithoutInitFailedDetail_RecordsNothing(StatusCode code)
    {
        await using var session = await Configured();
        Provider.OnCreate = _ => throw new RpcException(new Status(code, "stopped"));

        var error = Assert.ThrowsAsync<ProviderRpcException>(() => session.UpAsync(Type, "a", new PropertyMap { ["name"] = "x" }));

        Assert.Multiple(() =>
        {
            Assert.That(error!.StatusCode, Is.EqualTo(code));
            Assert.That(session.State.Resources, Is.Empty, "Cancelled and DeadlineExceeded mean nothing was created");
        });
    }

    [Test]
    public async Task UpAsync_DeadlineExceededWithInitFailedDetail_RecordsObjectWithCheckedInputs()
    {
        await using var session = await Configured();
        Provider.OnCheck = _ => Task.FromResult(new CheckResponse { Inputs = Fields(("name", Value.ForString("checked"))) });
        Provider.OnCreate = _ => throw RichError(
            StatusCode.DeadlineExceeded,
            "timed out after the POST",
            "pulumirpc.ErrorResourceInitFailed",
            new ErrorResourceInitFailed
            {
                Id = "id-9",
                Reasons = { "timed out" },
                Properties = Fields(("status", Value.ForString("IN_PROGRESS"))),
                Inputs = Fields(("name", Value.ForString("from-the-detail"))),
            });

        Assert.ThrowsAsync<ProviderRpcException>(() => session.UpAsync(Type, "a", new PropertyMap { ["name"] = "declared" }));

        var state = session.State.Get(session.Urn(Type, "a"));
        Assert.Multiple(() =>
        {
            Assert.That(state.Id, Is.EqualTo("id-9"));
            Assert.That(state.Outputs["status"], Is.EqualTo(PropertyValue.String("IN_PROGRESS")));
            Assert.That(state.Inputs["name"], Is.EqualTo(PropertyValue.String("checked")), "the engine keeps the inputs it sent, not the detail's");
        });
    }

    [Test]
    public async Task UpAsync_UnknownInput_RefusedBeforeAnyCall()
    {
        await using var session = await Configured();
        var calls = Provider.CallNames.Count;

        Assert.ThrowsAsync<EngineHarnessException>(() => session.UpAsync(Type, "a", new PropertyMap { ["name"] = PropertyValue.Unknown() }));
        Assert.That(Provider.CallNames.Skip(calls), Is.Empty, "only a preview sends unknown inputs");
    }

    [Test]
    public async Task DestroyAsync_DeleteFails_LeavesResourceInState()
    {
        await using var session = await Configured();
        await session.UpAsync(Type, "a", new PropertyMap { ["name"] = "x" });
        Provider.OnDelete = _ => throw new RpcException(new Status(StatusCode.Unavailable, "gateway"));

        Assert.ThrowsAsync<ProviderRpcException>(() => session.DestroyAsync(session.Urn(Type, "a")));
        Assert.That(session.State.Find(session.Urn(Type, "a")), Is.Not.Null);
    }

    [Test]
    public async Task UpAsync_DiffUnknownWithReplacesAndChangedInputs_Replaces()
    {
        await using var session = await Configured();
        await session.UpAsync(Type, "a", new PropertyMap { ["key"] = "1" });
        Provider.OnDiff = _ => Task.FromResult(new DiffResponse { Changes = DiffChanges.DiffUnknown, Replaces = { "key" } });

        var up = await session.UpAsync(Type, "a", new PropertyMap { ["key"] = "2" });

        Assert.Multiple(() =>
        {
            Assert.That(up.Operation, Is.EqualTo(ResourceOperation.Replace), "the engine compares the inputs itself and keeps the provider's replaces");
            Assert.That(Provider.CallNames.TakeLast(3), Is.EqualTo(new[] { "Check", "Create", "Delete" }));
        });
    }

    [Test]
    public async Task UpAsync_DiffUnknownWithOnlyAnIgnoredInputChanged_DoesNothing()
    {
        await using var session = await Configured();
        await session.UpAsync(Type, "a", new PropertyMap { ["key"] = "1", ["note"] = "a" });
        Provider.OnDiff = _ => Task.FromResult(new DiffResponse { Changes = DiffChanges.DiffUnknown });

        var up = await session.UpAsync(Type, "a", new PropertyMap { ["key"] = "1", ["note"] = "b" }, new ResourceOptions { IgnoreChanges = ["note"] });

        Assert.Multiple(() =>
        {
            Assert.That(up.Operation, Is.EqualTo(ResourceOperation.Same), "the engine's own comparison applies ignoreChanges");
            Assert.That(Provider.CallNames, Does.Not.Contain("Update"));
        });
    }
}
