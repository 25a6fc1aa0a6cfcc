using Google.Protobuf.WellKnownTypes;
using Kakao.EngineHarness.Lifecycle;
using Kakao.EngineHarness.Results;
using Kakao.EngineHarness.Values;
using Kakao.EngineHarness.Wire;
using DiffChanges = Kakao.EngineHarness.Wire.DiffResponse.Types.DiffChanges;
using WireKind = Kakao.EngineHarness.Wire.PropertyDiff.Types.Kind;

namespace Kakao.EngineHarness.Tests.EngineBehaviour;

/// <summary>engine-behaviour.md §2 row Read and §3 refresh, <c>pulumi import</c> and the <c>import</c> option.</summary>
public class RefreshImportTests : FakeProviderTest
{
    private static readonly Struct LiveInputs = Fields(("name", Value.ForString("live")));

    [Test]
    public async Task RefreshAsync_ReadReturnsEmptyInputsStruct_ReplacesStoredInputs()
    {
        await using var session = await Configured();
        await session.UpAsync(Type, "a", new PropertyMap { ["name"] = "x" });
        Provider.OnRead = request => Task.FromResult(new ReadResponse { Id = request.Id, Properties = request.Properties, Inputs = new Struct() });

        var refresh = await session.RefreshAsync(session.Urn(Type, "a"));

        Assert.Multiple(() =>
        {
            Assert.That(refresh.After!.Inputs, Is.Empty, "a non-nil inputs Struct replaces the stored inputs even when empty");
            Assert.That(session.State.Get(session.Urn(Type, "a")).Inputs, Is.Empty);
            Assert.That(refresh.ChangedInputs, Is.EqualTo(new[] { "name" }));
        });
    }

    [Test]
    public async Task RefreshAsync_ReadReturnsNoInputsStruct_KeepsStoredInputs()
    {
        await using var session = await Configured();
        await session.UpAsync(Type, "a", new PropertyMap { ["name"] = "x" });
        Provider.OnRead = request => Task.FromResult(new ReadResponse { Id = request.Id, Properties = request.Properties });

        var refresh = await session.RefreshAsync(session.Urn(Type, "a"));

        Assert.That(refresh.After!.Inputs["name"], Is.EqualTo(PropertyValue.String("x")));
    }

    [Test]
    public async Task RefreshAsync_AfterRead_DiffsWithOldAndNewSwappedAndShowsTheInversion()
    {
        await using var session = await Configured();
        await session.UpAsync(Type, "a", new PropertyMap { ["name"] = "declared" });
        Provider.OnRead = request => Task.FromResult(new ReadResponse
        {
            Id = request.Id,
            Properties = Fields(("name", Value.ForString("live")), ("status", Value.ForString("ACTIVE"))),
            Inputs = LiveInputs,
        });
        Provider.OnDiff = _ => Task.FromResult(new DiffResponse
        {
            Changes = DiffChanges.DiffSome,
            HasDetailedDiff = true,
            DetailedDiff =
            {
                ["name"] = new Kakao.EngineHarness.Wire.PropertyDiff { Kind = WireKind.Update, InputDiff = true },
                ["label"] = new Kakao.EngineHarness.Wire.PropertyDiff { Kind = WireKind.Add, InputDiff = true },
            },
        });

        var refresh = await session.RefreshAsync(session.Urn(Type, "a"));

        var diff = Provider.Requests<DiffRequest>("Diff").Single();
        Assert.Multiple(() =>
        {
            Assert.That(Provider.CallNames.TakeLast(2), Is.EqualTo(new[] { "Read", "Diff" }));
            Assert.That(diff.Olds.Fields["status"].StringValue, Is.EqualTo("ACTIVE"), "old side: the refreshed outputs");
            Assert.That(diff.OldInputs.Fields["name"].StringValue, Is.EqualTo("live"), "old side: the refreshed inputs");
            Assert.That(diff.News.Fields["name"].StringValue, Is.EqualTo("declared"), "new side: the previous inputs");
            Assert.That(refresh.Drift!.DetailedDiff["label"].Kind, Is.EqualTo(PropertyDiffKind.Delete), "an add, inverted");
            Assert.That(refresh.Drift.DetailedDiff["name"].Kind, Is.EqualTo(PropertyDiffKind.Update));
        });
    }

    [Test]
    public async Task RefreshAsync_ReadOutputsWithUnknowns_RejectedAndStateKept()
    {
        await using var session = await Configured();
        var up = await session.UpAsync(Type, "a", new PropertyMap { ["name"] = "x" });
        Provider.OnRead = request => Task.FromResult(new ReadResponse
        {
            Id = request.Id,
            Properties = Fields(("status", Value.ForString(WireSentinels.UnknownString))),
            Inputs = request.Inputs,
        });

        Assert.ThrowsAsync<EngineRejectionException>(() => session.RefreshAsync(session.Urn(Type, "a")));
        Assert.That(session.State.Get(session.Urn(Type, "a")), Is.EqualTo(up.State));
    }

    [Test]
    public async Task ImportAsync_PulumiImport_ReadsIdOnlyThenChecksReadInputsAgainstThemselvesWithoutDiff()
    {
        await using var session = await Configured();
        Provider.OnRead = request => Task.FromResult(new ReadResponse { Id = request.Id, Properties = LiveInputs, Inputs = LiveInputs });
        Provider.OnCheck = _ => Task.FromResult(new CheckResponse { Inputs = Fields(("name", Value.ForString("normalised"))) });

        var import = await session.ImportAsync(Type, "a", "existing");

        var read = Provider.Requests<ReadRequest>("Read").Single();
        var check = Provider.Requests<CheckRequest>("Check").Single();
        Assert.Multiple(() =>
        {
            Assert.That(Provider.CallsAfterOpening.Skip(2), Is.EqualTo(new[] { "Read", "Check" }), "no Diff");
            Assert.That(read.Id, Is.EqualTo("existing"));
            Assert.That(read.Properties, Is.Null);
            Assert.That(read.Inputs, Is.Null);
            Assert.That(check.Olds, Is.EqualTo(LiveInputs));
            Assert.That(check.News, Is.EqualTo(LiveInputs));
            Assert.That(import.State.Inputs["name"], Is.EqualTo(PropertyValue.String("live")), "the read inputs are recorded, not Check's");
            Assert.That(session.State.Get(session.Urn(Type, "a")).Id, Is.EqualTo("existing"));
        });
    }

    [Test]
    public async Task ImportAsync_CheckFailures_AreWarningsAndTheImportProceeds()
    {
        await using var session = await Configured();
        Provider.OnRead = request => Task.FromResult(new ReadResponse { Id = request.Id, Properties = LiveInputs, Inputs = LiveInputs });
        Provider.OnCheck = _ => Task.FromResult(new CheckResponse { Failures = { new Kakao.EngineHarness.Wire.CheckFailure { Property = "name", Reason = "too long" } } });

        var import = await session.ImportAsync(Type, "a", "existing");

        Assert.Multiple(() =>
        {
            Assert.That(import.Warnings, Is.EqualTo(new[] { new Results.CheckFailure("name", "too long") }));
            Assert.That(session.State.Find(session.Urn(Type, "a")), Is.Not.Null);
        });
    }

    [Test]
    public async Task ImportAsync_ReadFindsNothing_FailsAndRecordsNothing()
    {
        await using var session = await Configured();
        Provider.OnRead = _ => Task.FromResult(new ReadResponse());

        var error = Assert.ThrowsAsync<EngineHarnessException>(() => session.ImportAsync(Type, "a", "missing"));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Message, Does.Contain("resource 'missing' does not exist"));
            Assert.That(session.State.Resources, Is.Empty);
        });
    }

    [Test]
    public async Task ImportAsync_ReadWithoutInputsStruct_FailsAsUnsupported()
    {
        await using var session = await Configured();
        Provider.OnRead = request => Task.FromResult(new ReadResponse { Id = request.Id, Properties = LiveInputs });

        var error = Assert.ThrowsAsync<EngineHarnessException>(() => session.ImportAsync(Type, "a", "existing"));

        Assert.That(error!.Message, Does.Contain("does not support importing"));
    }

    [Test]
    public async Task UpAsync_ImportOptionMatchingDeclaration_ReadsChecksDiffsAndImportsWithoutUpdate()
    {
        await using var session = await Configured();
        Provider.OnRead = request => Task.FromResult(new ReadResponse { Id = request.Id, Properties = LiveInputs, Inputs = LiveInputs });

        var up = await session.UpAsync(Type, "a", new PropertyMap { ["name"] = "live" }, new ResourceOptions { ImportId = "existing" });

        var check = Provider.Requests<CheckRequest>("Check").Single();
        Assert.Multiple(() =>
        {
            Assert.That(Provider.CallsAfterOpening.Skip(2), Is.EqualTo(new[] { "Read", "Check", "Diff" }));
            Assert.That(Provider.Requests<ReadRequest>("Read").Single().Properties, Is.Null, "Read with the id only");
            Assert.That(check.Olds, Is.EqualTo(LiveInputs), "Check's olds are the read inputs");
            Assert.That(up.Operation, Is.EqualTo(ResourceOperation.Import));
            Assert.That(up.Imported!.Id, Is.EqualTo("existing"));
            Assert.That(session.State.Get(session.Urn(Type, "a")).Id, Is.EqualTo("existing"));
        });
    }

    [Test]
    public async Task UpAsync_ImportOptionWithDifferentDeclaration_ImportsThenUpdates()
    {
        await using var session = await Configured();
        Provider.OnRead = request => Task.FromResult(new ReadResponse { Id = request.Id, Properties = LiveInputs, Inputs = LiveInputs });
        Provider.OnDiff = _ => Task.FromResult(new DiffResponse { Changes = DiffChanges.DiffSome, Diffs = { "name" } });

        var up = await session.UpAsync(Type, "a", new PropertyMap { ["name"] = "declared" }, new ResourceOptions { ImportId = "existing" });

        var update = Provider.Requests<UpdateRequest>("Update").Single();
        Assert.Multiple(() =>
        {
            Assert.That(Provider.CallsAfterOpening.Skip(2), Is.EqualTo(new[] { "Read", "Check", "Diff", "Update" }));
            Assert.That(up.Operation, Is.EqualTo(ResourceOperation.Update));
            Assert.That(update.Id, Is.EqualTo("existing"));
            Assert.That(update.OldInputs, Is.EqualTo(LiveInputs));
            Assert.That(update.News.Fields["name"].StringValue, Is.EqualTo("declared"));
            Assert.That(session.State.Get(session.Urn(Type, "a")).Outputs["name"], Is.EqualTo(PropertyValue.String("declared")));
        });
    }

    [Test]
    public async Task UpAsync_ImportOptionWhoseDiffReplaces_IsRefusedButTheImportIsKept()
    {
        await using var session = await Configured();
        Provider.OnRead = request => Task.FromResult(new ReadResponse { Id = request.Id, Properties = LiveInputs, Inputs = LiveInputs });
        Provider.OnDiff = _ => Task.FromResult(new DiffResponse { Changes = DiffChanges.DiffSome, Replaces = { "name" } });

        var error = Assert.ThrowsAsync<EngineHarnessException>(
            () => session.UpAsync(Type, "a", new PropertyMap { ["name"] = "declared" }, new ResourceOptions { ImportId = "existing" }));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Message, Does.Contain("previously-imported resources that still specify an ID may not be replaced"));
            Assert.That(Provider.CallNames, Does.Not.Contain("Create").And.Not.Contain("Delete"));
        });
    }

    [Test]
    public async Task PreviewAsync_ImportOption_ReadsAndPreviewsTheUpdateWithoutRecording()
    {
        await using var session = await Configured();
        Provider.OnRead = request => Task.FromResult(new ReadResponse { Id = request.Id, Properties = LiveInputs, Inputs = LiveInputs });
        Provider.OnDiff = _ => Task.FromResult(new DiffResponse { Changes = DiffChanges.DiffSome, Diffs = { "name" } });

        var preview = await session.PreviewAsync(Type, "a", new PropertyMap { ["name"] = "declared" }, new ResourceOptions { ImportId = "existing" });

        Assert.Multiple(() =>
        {
            Assert.That(preview.Operation, Is.EqualTo(ResourceOperation.Update));
            Assert.That(Provider.Requests<UpdateRequest>("Update").Single().Preview, Is.True);
            Assert.That(session.State.Resources, Is.Empty);
        });
    }
}
