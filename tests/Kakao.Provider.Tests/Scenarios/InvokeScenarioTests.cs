using Kakao.EngineHarness.Values;

namespace Kakao.Provider.Tests.Scenarios;

[Category("Scenario")]
public class InvokeScenarioTests
{
    [Test]
    public async Task Invoke_GetSenderAfterOutOfBandApproval_ReturnsCurrentStatus()
    {
        await using var scenario = await Scenario.StartAsync();
        await scenario.UpAsync(Scenario.SenderInputs());
        await scenario.Control.ApproveAsync(Scenario.ProjectId, "@sinch-demo", scenario.Token);

        var result = await scenario.Session.InvokeAsync("kakao:index:getSender", new PropertyMap { ["plusFriendId"] = "@sinch-demo" }, scenario.Token);

        Assert.Multiple(() =>
        {
            Assert.That(result.Failures, Is.Empty);
            Assert.That(result.Return["status"], Is.EqualTo(PropertyValue.String("PENDING_VERIFICATION")));
        });
    }

    [Test]
    public async Task Invoke_GetSenderCategories_IncludesTheGuideCodes()
    {
        await using var scenario = await Scenario.StartAsync();

        var result = await scenario.Session.InvokeAsync("kakao:index:getSenderCategories", PropertyMap.Empty, scenario.Token);

        var strings = Strings(PropertyValue.Object(result.Return)).ToHashSet(StringComparer.Ordinal);
        Assert.Multiple(() =>
        {
            Assert.That(result.Failures, Is.Empty);
            Assert.That(strings, Does.Contain("019").And.Contain("0006").And.Contain("0001"));
        });
    }

    [Test]
    public async Task InvokeInPreview_GetSenderOfASenderOnlyPlanned_DoesNotFail()
    {
        await using var scenario = await Scenario.StartAsync();
        await scenario.Session.PreviewAsync(Scenario.SenderType, "sender", Scenario.SenderInputs(), scenario.Token);

        // YAML runs fn::invoke in preview as soon as its arguments are known; a failing invoke fails `pulumi preview`.
        var result = await scenario.Session.InvokeInPreviewAsync("kakao:index:getSender", new PropertyMap { ["plusFriendId"] = "@sinch-demo" }, scenario.Token);

        Assert.That(result.Failures, Is.Empty);
    }

    [Test]
    public async Task Invoke_GetSenderWithUnknownPlusFriendId_ArrivesAsMissing()
    {
        await using var scenario = await Scenario.StartAsync();

        var result = await scenario.Session.InvokeInPreviewAsync("kakao:index:getSender", new PropertyMap { ["plusFriendId"] = PropertyValue.Unknown() }, scenario.Token);

        Assert.That(result.Failures.Select(failure => failure.Property), Does.Contain("plusFriendId"), "the engine drops the unknown argument before sending");
    }

    [Test]
    public async Task Invoke_GetSenderWithoutPlusFriendId_ReturnsFailureNamingIt()
    {
        await using var scenario = await Scenario.StartAsync();

        var result = await scenario.Session.InvokeAsync("kakao:index:getSender", PropertyMap.Empty, scenario.Token);

        Assert.That(result.Failures.Select(failure => failure.Property), Does.Contain("plusFriendId"));
    }

    [Test]
    public async Task InvokeInPreview_GetTemplateWithUnknownCode_ReturnsFailureNamingIt()
    {
        await using var scenario = await Scenario.StartAsync();

        // A planned template's code is assigned by Sinch: unknown in a preview, so the engine drops it.
        var result = await scenario.Session.InvokeInPreviewAsync(
            "kakao:index:getTemplate", new PropertyMap { ["plusFriendId"] = "@sinch-demo", ["code"] = PropertyValue.Unknown() }, scenario.Token);

        Assert.That(result.Failures.Select(failure => failure.Property), Does.Contain("code"));
    }

    [Test]
    public async Task InvokeInPreview_GetTemplateCategoriesWithUnknownPlusFriendId_ReturnsFailureNamingIt()
    {
        await using var scenario = await Scenario.StartAsync();

        var result = await scenario.Session.InvokeInPreviewAsync(
            "kakao:index:getTemplateCategories", new PropertyMap { ["plusFriendId"] = PropertyValue.Unknown() }, scenario.Token);

        Assert.That(result.Failures.Select(failure => failure.Property), Does.Contain("plusFriendId"));
    }

    [Test]
    public async Task InvokeInPreview_GetTemplateCategoriesOfASenderOnlyPlanned_DoesNotFail()
    {
        await using var scenario = await Scenario.StartAsync();
        await scenario.Session.PreviewAsync(Scenario.SenderType, "sender", Scenario.SenderInputs(), scenario.Token);

        // The planned sender's plusFriendId is echoed, so known: YAML runs the invoke, and a failure fails the preview.
        var result = await scenario.Session.InvokeInPreviewAsync(
            "kakao:index:getTemplateCategories", new PropertyMap { ["plusFriendId"] = "@sinch-demo" }, scenario.Token);

        Assert.That(result.Failures, Is.Empty);
    }

    private static IEnumerable<string> Strings(PropertyValue value) => value.Kind switch
    {
        PropertyValueKind.String => [value.StringValue],
        PropertyValueKind.Array => value.ArrayValue.SelectMany(Strings),
        PropertyValueKind.Object => value.ObjectValue.Values.SelectMany(Strings),
        _ => [],
    };
}
