using Google.Protobuf.WellKnownTypes;
using Kakao.EngineHarness.Lifecycle;
using Kakao.EngineHarness.Results;
using Kakao.EngineHarness.Values;
using Kakao.EngineHarness.Wire;

namespace Kakao.EngineHarness.Tests.EngineBehaviour;

/// <summary>
/// What the engine does with the values a plugin answers (pp.go Check, Create, Read, Update): secretness put back
/// for a plugin that did not accept secrets (annotateSecrets), and unknowns refused in Check's answer outside a
/// preview (RejectUnknowns when unknowns are not allowed).
/// </summary>
public class SecretAndUnknownAnswerTests : FakeProviderTest
{
    private static readonly PropertyMap Declared = new() { ["phone"] = PropertyValue.Secret("+48777777777"), ["name"] = "shop" };

    private async Task<ProviderSession> ConfiguredWithoutSecretSupport()
    {
        Provider.OnHandshake = _ => Task.FromResult(new ProviderHandshakeResponse { AcceptSecrets = false });
        return await Configured();
    }

    [Test]
    public async Task UpAsync_PluginWithoutSecretSupport_SecretnessPutBackOnCheckedInputsAndCreateOutputs()
    {
        await using var session = await ConfiguredWithoutSecretSupport();

        var up = await session.UpAsync(Type, "a", Declared);

        Assert.Multiple(() =>
        {
            Assert.That(IsSecretWrapper(Provider.Requests<CreateRequest>("Create").Single().Properties.Fields["phone"]), Is.False, "sent plain");
            Assert.That(up.State.Inputs["phone"].IsSecret, Is.True, "Check's answer annotated from the news");
            Assert.That(up.State.Outputs["phone"].IsSecret, Is.True, "Create's outputs annotated from the inputs sent");
            Assert.That(up.State.Outputs["name"].IsSecret, Is.False);
        });
    }

    [Test]
    public async Task UpAsync_PluginWithoutSecretSupportUpdating_SecretnessPutBackOnUpdateOutputs()
    {
        await using var session = await ConfiguredWithoutSecretSupport();
        await session.UpAsync(Type, "a", Declared);
        Provider.OnDiff = _ => Task.FromResult(new DiffResponse { Changes = DiffResponse.Types.DiffChanges.DiffSome, Diffs = { "phone" } });

        var up = await session.UpAsync(Type, "a", Declared.With("phone", PropertyValue.Secret("+48666666666")));

        Assert.Multiple(() =>
        {
            Assert.That(up.Operation, Is.EqualTo(ResourceOperation.Update));
            Assert.That(up.State.Outputs["phone"], Is.EqualTo(PropertyValue.Secret("+48666666666")));
        });
    }

    [Test]
    public async Task RefreshAsync_PluginWithoutSecretSupport_SecretnessPutBackOnReadOutputsAndInputs()
    {
        await using var session = await ConfiguredWithoutSecretSupport();
        await session.UpAsync(Type, "a", Declared);

        var refresh = await session.RefreshAsync(session.Urn(Type, "a"));

        Assert.Multiple(() =>
        {
            Assert.That(IsSecretWrapper(Provider.Requests<ReadRequest>("Read").Single().Properties.Fields["phone"]), Is.False, "sent plain");
            Assert.That(refresh.After!.Outputs["phone"].IsSecret, Is.True, "annotated from the old outputs");
            Assert.That(refresh.After.Inputs["phone"].IsSecret, Is.True, "annotated from the old inputs");
            Assert.That(refresh.HasDrift, Is.False, "secretness alone is no drift");
        });
    }

    [Test]
    public async Task UpAsync_CheckAnswersAnUnknown_RejectedBeforeCreate()
    {
        await using var session = await Configured();
        Provider.OnCheck = request => Task.FromResult(new CheckResponse { Inputs = Fields(("name", Value.ForString(WireSentinels.UnknownString))) });

        var error = Assert.ThrowsAsync<EngineRejectionException>(() => session.UpAsync(Type, "a", new PropertyMap { ["name"] = "shop" }));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Message, Does.Contain("name"));
            Assert.That(Provider.CallNames, Does.Not.Contain("Create"));
        });
    }

    [Test]
    public async Task PreviewAsync_CheckAnswersAnUnknown_Accepted()
    {
        await using var session = await Configured();
        Provider.OnCheck = request => Task.FromResult(new CheckResponse { Inputs = Fields(("name", Value.ForString(WireSentinels.UnknownString))) });

        var preview = await session.PreviewAsync(Type, "a", new PropertyMap { ["name"] = "shop" });

        Assert.That(preview.Check.Inputs["name"].IsUnknown, Is.True, "a preview allows unknowns");
    }
}
