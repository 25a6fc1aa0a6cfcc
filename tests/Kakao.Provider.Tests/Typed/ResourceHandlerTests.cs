using System.Text.Json.Nodes;
using Kakao.Provider.Models;
using Kakao.Provider.Typed;

namespace Kakao.Provider.Tests.Typed;

/// <summary>The defaults the layer derives from the attributes: Check, Diff, preview, secrets; and the registry.</summary>
public class ResourceHandlerTests
{
    private static PropertyValue S(string value) => PropertyValue.Create(value);

    private static PropertyValue Button(string label, PropertyValue? url = null)
    {
        var builder = new PropertyMapBuilder().Set("label", S(label));
        if (url is not null)
        {
            builder.Set("url", url);
        }

        return PropertyValue.Create(builder.Build());
    }

    private static PropertyMap Inputs() => new PropertyMapBuilder()
        .Set("name", S("w"))
        .Set("buttons", PropertyValue.Create([Button("Go")]))
        .Set("events", PropertyValue.Create([S("ALL")]))
        .Build();

    private static ResourceHandler<WidgetInputs, WidgetOutputs> Handler(WidgetResource? resource = null) => new(resource ?? new WidgetResource());

    [Test]
    public void Check_ValidInputs_FillsDefaultsAndPasses()
    {
        var result = Handler().Check(Inputs());

        Assert.Multiple(() =>
        {
            Assert.That(result.Failures, Is.Empty);
            Assert.That(result.Inputs["enabled"], Is.EqualTo(PropertyValue.Create(true)));
        });
    }

    [Test]
    public void Check_BadNestedAndListValues_NamesEachPath()
    {
        var news = Inputs()
            .With("buttons", PropertyValue.Create([Button("Go"), Button("a label far too long"), PropertyValue.Create(new PropertyMapBuilder().Set("url", S("x")).Build())]))
            .With("events", PropertyValue.Create([S("ALL"), S("NOPE")]))
            .With("count", PropertyValue.Create(9))
            .With("colour", S("red"));

        var failures = Handler().Check(news).Failures;

        Assert.That(failures.Select(f => f.Property), Is.EquivalentTo(new[] { "buttons[1].label", "buttons[2].label", "events[1]", "count", "colour" }));
        Assert.Multiple(() =>
        {
            Assert.That(failures.Single(f => f.Property == "events[1]").Reason, Does.Contain("ALL, WIDGET_CHANGED, BUTTON_PRESSED"));
            Assert.That(failures.Single(f => f.Property == "buttons[2].label").Reason, Is.EqualTo("buttons[2].label is required"));
            Assert.That(failures.Single(f => f.Property == "colour").Reason, Does.Contain("valid inputs are name, key, buttons, events, count, enabled"));
        });
    }

    [Test]
    public void Check_MissingRequiredAndEmptyList_FailsNamingThem()
    {
        var failures = Handler().Check(new PropertyMapBuilder().Set("buttons", PropertyValue.Create(Array.Empty<PropertyValue>())).Build()).Failures;

        Assert.That(failures.Select(f => (f.Property, f.Reason)), Is.EquivalentTo(new[]
        {
            ("buttons", "buttons must have at least 1 item"),
            ("name", "name is required"),
        }));
    }

    [Test]
    public void Check_UnknownAndSecretValues_AreKeptAsGiven()
    {
        var news = Inputs().With("name", PropertyValue.Computed()).With("key", S("k1"));

        var result = Handler().Check(news);

        Assert.Multiple(() =>
        {
            Assert.That(result.Failures, Is.Empty);
            Assert.That(result.Inputs["name"].IsComputed, Is.True);
            Assert.That(result.Inputs["key"].IsSecret, Is.True, "Secret = true makes a plain value secret");
        });
    }

    [Test]
    public void Check_SecretValueTooLong_NeverQuotesIt()
    {
        var failure = Handler().Check(Inputs().With("name", PropertyValue.Secret(S("hunter2-very-long")))).Failures.Single();

        Assert.That(failure.Reason, Does.Not.Contain("hunter2"));
    }

    [Test]
    public void Diff_ReplaceOnChangeAndOtherChanges_ReplaceOrUpdate()
    {
        var olds = Inputs().With("widgetId", S("w-1"));
        var news = Inputs().With("name", S("w2")).With("buttons", PropertyValue.Create([Button("Go", S("https://example.com"))]));

        var diff = Handler().Diff(new DiffCall("w-1", olds, news, Inputs(), null));

        Assert.Multiple(() =>
        {
            Assert.That(diff.Replaces, Is.EqualTo(new[] { "name" }));
            Assert.That(diff.DetailedDiff["name"].Kind, Is.EqualTo(PropertyDiffKind.UpdateReplace));
            Assert.That(diff.DetailedDiff["buttons"].Kind, Is.EqualTo(PropertyDiffKind.Update));
            Assert.That(diff.DetailedDiff.ContainsKey("widgetId"), Is.False, "outputs are never diffed as inputs");
        });
    }

    [Test]
    public void Diff_AbsentDefaultAndSecretnessOnly_AreNoChange()
    {
        var news = Inputs().With("enabled", PropertyValue.Create(true)).With("name", PropertyValue.Secret(S("w")));

        Assert.That(Handler().Diff(new DiffCall("w-1", Inputs(), news, Inputs(), null)).Changes, Is.EqualTo(DiffChanges.None));
    }

    [Test]
    public async Task CreateAsync_Preview_PredictsOutputsWithoutCallingTheResource()
    {
        var resource = new WidgetResource();

        var (id, outputs) = await Handler(resource).CreateAsync(new CreateCall(Inputs(), Preview: true, null), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(id, Is.Empty);
            Assert.That(resource.Created, Is.Empty);
            Assert.That(outputs["widgetId"].IsComputed, Is.True);
            Assert.That(outputs["name"], Is.EqualTo(S("w")));
        });
    }

    [Test]
    public async Task UpdateAsync_Preview_KeepsStableOutputs()
    {
        var olds = Inputs().With("widgetId", S("w-1")).With("state", S("created"));

        var outputs = await Handler().UpdateAsync(new UpdateCall("w-1", olds, Inputs(), Preview: true, null), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(outputs["widgetId"], Is.EqualTo(S("w-1")));
            Assert.That(outputs["state"].IsComputed, Is.True);
        });
    }

    [Test]
    public async Task CreateAsync_InputMarkedSecret_StaysSecretInOutputs()
    {
        var (_, outputs) = await Handler().CreateAsync(new CreateCall(Inputs().With("name", PropertyValue.Secret(S("w"))), Preview: false, null), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(outputs["name"].IsSecret, Is.True);
            Assert.That(outputs["state"].IsSecret, Is.False);
        });
    }

    [Test]
    public void CreateAsync_InvalidInputs_RefusedBeforeTheResourceRuns()
    {
        var resource = new WidgetResource();

        Assert.ThrowsAsync<InvalidInputException>(() => Handler(resource).CreateAsync(new CreateCall(Inputs().Without("name"), Preview: false, null), CancellationToken.None));
        Assert.That(resource.Created, Is.Empty);
    }

    [Test]
    public void ReadAsync_ResourceWithoutRead_IsRefusedAsBadInput()
    {
        Assert.ThrowsAsync<InvalidInputException>(() => Handler().ReadAsync(new ReadCall("w-1", PropertyMap.Empty, PropertyMap.Empty, null), CancellationToken.None));
    }

    [Test]
    public void Resource_UnknownToken_NamesWhatTheRegistryHas()
    {
        var registry = new ProviderRegistry().Add(new WidgetResource());

        var error = Assert.Throws<InvalidInputException>(() => registry.Resource("kakaotest:index:Nope"));

        Assert.That(error!.Message, Is.EqualTo("Unknown resource type kakaotest:index:Nope; the kakao provider manages kakaotest:index:Widget."));
    }

    [Test]
    public void SchemaJson_NestedTypes_AreReferencedTypesAndEnums()
    {
        var schema = JsonNode.Parse(WidgetPackage.SchemaJson)!;
        var inputs = schema["resources"]!["kakaotest:index:Widget"]!["inputProperties"]!;

        Assert.Multiple(() =>
        {
            Assert.That(inputs["buttons"]!["items"]!["$ref"]!.GetValue<string>(), Is.EqualTo("#/types/kakaotest:index:WidgetButton"));
            Assert.That(inputs["events"]!["items"]!["$ref"]!.GetValue<string>(), Is.EqualTo("#/types/kakaotest:index:WidgetEvent"));
            Assert.That(inputs["enabled"]!["default"]!.GetValue<bool>(), Is.True);
            Assert.That(inputs["key"]!["secret"]!.GetValue<bool>(), Is.True);
            Assert.That(schema["types"]!["kakaotest:index:WidgetButton"]!["properties"]!["style"]!["$ref"]!.GetValue<string>(), Is.EqualTo("#/types/kakaotest:index:WidgetStyle"));
            Assert.That(schema["types"]!["kakaotest:index:WidgetEvent"]!["enum"]!.AsArray().Select(e => e!["value"]!.GetValue<string>()), Is.EqualTo(new[] { "ALL", "WIDGET_CHANGED", "BUTTON_PRESSED" }));
            Assert.That(schema["resources"]!["kakaotest:index:Widget"]!["requiredInputs"]!.AsArray().Select(n => n!.GetValue<string>()), Is.EqualTo(new[] { "name", "buttons" }));
        });
    }
}
