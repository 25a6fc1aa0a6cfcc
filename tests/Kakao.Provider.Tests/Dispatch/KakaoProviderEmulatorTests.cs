using System.Net.Http.Json;
using Kakao.Emulator;
using Kakao.Provider.Configuration;
using Kakao.Provider.Dispatch;
using Kakao.Provider.Functions;
using Kakao.Provider.Models;
using Kakao.Provider.Resources.Sender;
using Kakao.Provider.Tests.TestSupport;
using Kakao.Provider.Typed;

namespace Kakao.Provider.Tests.Dispatch;

/// <summary>
/// The provider's domain with the real Provisioning client against the local emulator (manual review), to pin the
/// client contract the lifecycle relies on. The engine-level scenarios live in Scenarios/.
/// </summary>
public class KakaoProviderEmulatorTests
{
    private const string Type = SenderProperties.Token;
    private EmulatorServer _emulator = null!;
    private HttpClient _control = null!;
    private KakaoProvider _provider = null!;
    private RecordingDiagnostics _diagnostics = null!;

    [SetUp]
    public async Task SetUp()
    {
        _emulator = await EmulatorServer.StartAsync(new EmulatorOptions { ReviewMode = ReviewMode.Manual });
        _control = new HttpClient { BaseAddress = _emulator.BaseAddress };
        _diagnostics = new RecordingDiagnostics();
        _provider = new KakaoProvider(new ConfigurationParser(_ => null), ConfiguredClients.Default(), _diagnostics);
        _provider.Configure(new PropertyMapBuilder()
            .Set(ConfigKeys.ProjectId, PropertyValue.Create(Samples.ProjectId))
            .Set(ConfigKeys.KeyId, PropertyValue.Create("emulator-key"))
            .Set(ConfigKeys.KeySecret, PropertyValue.Secret(PropertyValue.Create("emulator-secret")))
            .Set(ConfigKeys.Endpoint, PropertyValue.Create(_emulator.BaseAddress.ToString()))
            .Set(ConfigKeys.MaxRetries, PropertyValue.Create(0))
            .Build());
    }

    [TearDown]
    public async Task TearDown()
    {
        _provider.Dispose();
        _control.Dispose();
        await _emulator.DisposeAsync();
    }

    private async Task ControlAsync(string action, object? body = null)
    {
        var path = $"_emulator/projects/{Samples.ProjectId}/kakaotalk/senders/{Uri.EscapeDataString(Samples.PlusFriendId)}/{action}";
        using var response = await _control.PostAsJsonAsync(path, body ?? new { });
        response.EnsureSuccessStatusCode();
    }

    private Task<(PropertyMap Outputs, PropertyMap Inputs)?> RefreshAsync(PropertyMap outputs, PropertyMap inputs) =>
        _provider.ReadAsync(Type, new ReadCall(Samples.PlusFriendId, outputs, inputs, Samples.Urn), CancellationToken.None);

    [Test]
    public async Task Lifecycle_CreateReviewImportUpdateDelete_BehavesAsDeclared()
    {
        var inputs = _provider.Check(Type, Samples.RawInputs()).Inputs;
        var (id, created) = await _provider.CreateAsync(Type, new CreateCall(inputs, Preview: false, Samples.Urn), CancellationToken.None);
        Assert.Multiple(() =>
        {
            Assert.That(id, Is.EqualTo(Samples.PlusFriendId));
            Assert.That(created[SenderProperties.Status], Is.EqualTo(Samples.S("IN_PROGRESS")));
        });

        await ControlAsync("reject", new { comment = "Name does not match the channel." });
        var rejected = await RefreshAsync(created, inputs);
        Assert.Multiple(() =>
        {
            Assert.That(rejected!.Value.Outputs[SenderProperties.Status], Is.EqualTo(Samples.S("REJECTED")));
            Assert.That(rejected.Value.Outputs[SenderProperties.RejectionComment], Is.EqualTo(Samples.S("Name does not match the channel.")));
            Assert.That(rejected.Value.Inputs, Is.EqualTo(inputs), "refresh without drift in the inputs");
        });

        var renamed = inputs.With(SenderProperties.Name, Samples.S("Sinch Demo Shop 2"));
        var updated = await _provider.UpdateAsync(Type, new UpdateCall(id, rejected!.Value.Outputs, renamed, Preview: false, Samples.Urn), CancellationToken.None);
        Assert.Multiple(() =>
        {
            Assert.That(updated[SenderProperties.Name], Is.EqualTo(Samples.S("Sinch Demo Shop 2")));
            Assert.That(updated[SenderProperties.Status], Is.EqualTo(Samples.S("IN_PROGRESS")), "resubmitted");
        });

        await ControlAsync("approve");
        var approved = await RefreshAsync(updated, renamed);
        Assert.Multiple(() =>
        {
            Assert.That(approved!.Value.Outputs[SenderProperties.Status], Is.EqualTo(Samples.S("PENDING_VERIFICATION")));
            Assert.That(approved.Value.Outputs.ContainsKey(SenderProperties.RejectionComment), Is.False);
            Assert.That(approved.Value.Inputs, Is.EqualTo(renamed));
        });

        var imported = await _provider.ReadAsync(Type, new ReadCall(Samples.PlusFriendId, PropertyMap.Empty, PropertyMap.Empty, Samples.Urn), CancellationToken.None);
        Assert.That(_provider.Diff(Type, new DiffCall(Samples.PlusFriendId, imported!.Value.Outputs, renamed, imported.Value.Inputs, null)).Changes, Is.EqualTo(DiffChanges.None), "no diff after import");

        await _provider.DeleteAsync(Type, new DeleteCall(id, updated, renamed), CancellationToken.None);
        Assert.DoesNotThrowAsync(() => _provider.DeleteAsync(Type, new DeleteCall(id, updated, renamed), CancellationToken.None), "already deleted is success");
        Assert.That(await RefreshAsync(updated, renamed), Is.Null, "gone drops from state");
    }

    [Test]
    public async Task CreateAsync_TakenPlusFriendId_TellsHowToImport()
    {
        var inputs = _provider.Check(Type, Samples.RawInputs()).Inputs;
        await _provider.CreateAsync(Type, new CreateCall(inputs, Preview: false, Samples.Urn), CancellationToken.None);

        var error = Assert.ThrowsAsync<ObjectAlreadyExistsException>(() =>
            _provider.CreateAsync(Type, new CreateCall(inputs.With(SenderProperties.Name, Samples.S("Other")), Preview: false, Samples.Urn), CancellationToken.None));

        Assert.That(error!.Message, Does.Contain("pulumi import"));
    }

    [Test]
    public async Task InvokeAsync_GetSenderCategories_ListsTheSampleTriple()
    {
        var (result, failures) = await _provider.InvokeAsync(FunctionTokens.GetSenderCategories, PropertyMap.Empty, CancellationToken.None);

        var triples = result![FunctionTokens.Triples].ArrayValue.Select(t => t.ObjectValue).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(failures, Is.Empty);
            Assert.That(triples.Any(t =>
                t[SenderProperties.TopLevelCategoryCode].StringValue == "019"
                && t[SenderProperties.MidLevelCategoryCode].StringValue == "0006"
                && t[SenderProperties.SubLevelCategoryCode].StringValue == "0001"), Is.True);
        });
    }
}
