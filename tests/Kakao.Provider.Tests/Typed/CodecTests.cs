using Kakao.Provider.Models;
using Kakao.Provider.Typed;

namespace Kakao.Provider.Tests.Typed;

/// <summary>The generated codec of the test-only widget: nested objects, lists of objects and of enums, secrets, unknowns.</summary>
public class CodecTests
{
    private static WidgetInputs Sample() => new()
    {
        Name = "w",
        Key = "k-secret",
        Buttons = [new WidgetButton { Label = "Go", Url = "https://example.com", Style = new WidgetStyle { Bold = true } }, new WidgetButton { Label = "Stop" }],
        Events = [WidgetEvent.All, WidgetEvent.Changed, WidgetEvent.ButtonPressed],
        Count = 2,
    };

    [Test]
    public void Encode_NestedObjectsAndLists_WritesWireNamesAndEnumValues()
    {
        var map = PropertyWriter.Write(Sample());

        Assert.Multiple(() =>
        {
            Assert.That(map["buttons"].ArrayValue[0].ObjectValue["style"].ObjectValue["bold"], Is.EqualTo(PropertyValue.Create(true)));
            Assert.That(map["buttons"].ArrayValue[1].ObjectValue.ContainsKey("url"), Is.False, "null values are left out");
            Assert.That(map["events"].ArrayValue.Select(v => v.StringValue), Is.EqualTo(new[] { "ALL", "WIDGET_CHANGED", "BUTTON_PRESSED" }));
            Assert.That(map["key"].IsSecret, Is.True, "a [Property(Secret = true)] value is always secret");
            Assert.That(map["count"], Is.EqualTo(PropertyValue.Create(2)));
            Assert.That(map["enabled"], Is.EqualTo(PropertyValue.Create(true)));
        });
    }

    [Test]
    public void Decode_WhatEncodeWrote_GivesTheSameRecord()
    {
        var sample = Sample();

        var decoded = WidgetInputs.Decode(PropertyReader.Strict(PropertyWriter.Write(sample)));

        Assert.Multiple(() =>
        {
            Assert.That(decoded with { Buttons = [], Events = [] }, Is.EqualTo(sample with { Buttons = [], Events = [] }));
            Assert.That(decoded.Buttons, Is.EqualTo(sample.Buttons));
            Assert.That(decoded.Events, Is.EqualTo(sample.Events));
        });
    }

    [Test]
    public void Encode_InputMarkedSecretByTheProgram_StaysSecret()
    {
        var map = PropertyWriter.Write(Sample(), new HashSet<string> { "name" });

        Assert.That(map["name"].IsSecret, Is.True);
    }

    [Test]
    public void Decode_LenientWithUnknownListItem_ReadsTheListAsUnknown()
    {
        var map = PropertyWriter.Write(Sample()).With("events", PropertyValue.Create([PropertyValue.Create("ALL"), PropertyValue.Computed()]));
        var reader = PropertyReader.Lenient(map);

        var decoded = WidgetInputs.Decode(reader);

        Assert.Multiple(() =>
        {
            Assert.That(decoded.Events, Is.Null);
            Assert.That(reader.Unknowns, Does.Contain("events"));
            Assert.That(reader.Secrets, Does.Contain("key"));
        });
    }

    [Test]
    public void Decode_StrictWithUnknownNestedValue_ThrowsNamingThePath()
    {
        var button = new PropertyMapBuilder().Set("label", PropertyValue.Computed()).Build();
        var map = PropertyWriter.Write(Sample()).With("buttons", PropertyValue.Create([PropertyValue.Create(button)]));

        var error = Assert.Throws<InvalidInputException>(() => WidgetInputs.Decode(PropertyReader.Strict(map)));

        Assert.That(error!.Message, Does.StartWith("buttons[0].label is not known yet"));
    }

    [Test]
    public void Decode_LenientWithWrongKind_RecordsTheKind()
    {
        var reader = PropertyReader.Lenient(PropertyWriter.Write(Sample()).With("name", PropertyValue.Create(5)));

        var decoded = WidgetInputs.Decode(reader);

        Assert.Multiple(() =>
        {
            Assert.That(decoded.Name, Is.Null);
            Assert.That(reader.WrongKinds["name"], Is.EqualTo(PropertyValueKind.Number));
        });
    }

    [Test]
    public void Spec_FromAttributes_CarriesTheFacts()
    {
        var name = WidgetInputs.Spec.Find("name")!;
        var events = WidgetInputs.Spec.Find("events")!;

        Assert.Multiple(() =>
        {
            Assert.That((name.Required, name.ReplaceOnChanges, name.MinLength, name.MaxLength), Is.EqualTo((true, true, 1, 8)));
            Assert.That(events.Required, Is.False);
            Assert.That(events.Items!.AllowedValues, Is.EqualTo(new[] { "ALL", "WIDGET_CHANGED", "BUTTON_PRESSED" }));
            Assert.That(WidgetInputs.Spec.Find("enabled")!.Default, Is.EqualTo(PropertyValue.Create(true)));
            Assert.That(WidgetOutputs.Spec.Names, Is.EqualTo(new[] { "name", "key", "buttons", "events", "count", "enabled", "widgetId", "state" }));
            Assert.That(WidgetOutputs.Spec.Find("widgetId")!.Stable, Is.True);
        });
    }
}
