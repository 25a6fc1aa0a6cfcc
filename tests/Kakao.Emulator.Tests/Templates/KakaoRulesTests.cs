using System.Net;
using Kakao.Emulator.Tests.Support;

namespace Kakao.Emulator.Tests.Templates;

/// <summary>
/// Kakao's own checks at submission: each broken rule answers 424 template_kakaotalk_validation_error naming it;
/// saveDraftOnFailure keeps the refused template as a DRAFT and names its code; drafts are not checked.
/// </summary>
[TestFixture]
public sealed class KakaoRulesTests : ActiveSenderFixture
{
    public static IEnumerable<TestCaseData> BrokenRules()
    {
        static TestCaseData Case(string name, string details, string rule) =>
            new TestCaseData(details, rule).SetName($"Create_{name}_AnswersKakaoValidationErrorNamingTheRule");

        yield return Case("EmphasisTextWithoutTitle", """ "emphasizeType": "EMPHASIZE_TYPE_TEXT", "subtitle": "s" """, "EMPHASIZE_TYPE_TEXT needs details.title");
        yield return Case("EmphasisTextWithoutSubtitle", """ "emphasizeType": "EMPHASIZE_TYPE_TEXT", "title": "t" """, "EMPHASIZE_TYPE_TEXT needs details.subtitle");
        yield return Case("EmphasisImageWithoutImageName", """ "emphasizeType": "EMPHASIZE_TYPE_IMAGE", "imageUrl": "https://cdn.example.com/a.png" """, "EMPHASIZE_TYPE_IMAGE needs details.imageName");
        yield return Case("EmphasisImageWithoutImageUrl", """ "emphasizeType": "EMPHASIZE_TYPE_IMAGE", "imageName": "a.png" """, "EMPHASIZE_TYPE_IMAGE needs details.imageUrl");
        yield return Case("ImageThatIsNotJpegOrPng", """ "emphasizeType": "EMPHASIZE_TYPE_IMAGE", "imageName": "a.gif", "imageUrl": "https://cdn.example.com/a.gif" """, "details.imageUrl must be a JPEG or PNG");
        yield return Case("ExtraInformationWithoutExtra", """ "messageType": "EXTRA_INFORMATION" """, "EXTRA_INFORMATION needs details.extra");
        yield return Case("MixedWithoutExtra", """ "messageType": "MIXED", "buttons": [{"ordering": 1, "type": "CHANNEL_ID_ADDED", "name": "채널 추가"}] """, "MIXED needs details.extra");
        yield return Case("AdIncludedWithoutChannelButton", """ "messageType": "AD_INCLUDED" """, "AD_INCLUDED needs a CHANNEL_ID_ADDED button");
        yield return Case("ChannelButtonNotFirst", """ "messageType": "AD_INCLUDED", "buttons": [{"ordering": 1, "type": "WEB_LINK", "name": "w", "linkMo": "https://a.example"}, {"ordering": 2, "type": "CHANNEL_ID_ADDED", "name": "채널 추가"}] """, "CHANNEL_ID_ADDED must be the first button");
        yield return Case("ChannelButtonWithOtherName", """ "messageType": "AD_INCLUDED", "buttons": [{"ordering": 1, "type": "CHANNEL_ID_ADDED", "name": "Add us"}] """, "CHANNEL_ID_ADDED must be named");
        yield return Case("ChannelButtonOnBasicMessage", """ "buttons": [{"ordering": 1, "type": "CHANNEL_ID_ADDED", "name": "채널 추가"}] """, "CHANNEL_ID_ADDED is only allowed with messageType AD_INCLUDED or MIXED");
        yield return Case("WebLinkWithoutLinkMo", """ "buttons": [{"ordering": 1, "type": "WEB_LINK", "name": "w", "linkPc": "https://a.example"}] """, "WEB_LINK needs linkMo");
        yield return Case("AppLinkWithoutSchemeIos", """ "buttons": [{"ordering": 1, "type": "APP_LINK", "name": "a", "schemeAndroid": "shop://open"}] """, "APP_LINK needs schemeIos");
        yield return Case("AppLinkWithoutSchemeAndroid", """ "buttons": [{"ordering": 1, "type": "APP_LINK", "name": "a", "schemeIos": "shop://open"}] """, "APP_LINK needs schemeAndroid");
        yield return Case("DuplicateButtonTypes", """ "buttons": [{"ordering": 1, "type": "DELIVERY_SEARCH", "name": "a"}, {"ordering": 2, "type": "DELIVERY_SEARCH", "name": "b"}] """, "field 'type' must have unique values across items");
        yield return Case("DuplicateButtonOrderings", """ "buttons": [{"ordering": 1, "type": "DELIVERY_SEARCH", "name": "a"}, {"ordering": 1, "type": "BOT_KEYWORD", "name": "b"}] """, "field 'ordering' must have unique values across items");
        yield return Case("SixButtons", """ "buttons": [{"ordering": 1, "type": "DELIVERY_SEARCH", "name": "a"}, {"ordering": 2, "type": "BOT_KEYWORD", "name": "b"}, {"ordering": 3, "type": "MESSAGE_DELIVERY", "name": "c"}, {"ordering": 4, "type": "BOT_TRANSFER", "name": "d"}, {"ordering": 5, "type": "BOT_FOR_CONSULTATION", "name": "e"}, {"ordering": 5, "type": "BUSINESS_FORM", "name": "f"}] """, "at most 5 buttons");
        yield return Case("UnclosedVariable", """ "content": "Hello #{name" """, "#{ without its closing }");
        yield return Case("EmptyVariable", """ "content": "Hello #{}" """, "empty or malformed #{variable}");
    }

    [TestCaseSource(nameof(BrokenRules))]
    public async Task Create_BrokenRule(string details, string rule)
    {
        using var response = await Emulator.PostAsync(TemplateApi.List(Project), Body(details));

        await TemplateApi.RefusedByKakaoAsync(response, rule, draftSaved: false);
        Assert.That(await CountAsync(), Is.Zero, "nothing is saved without saveDraftOnFailure");
    }

    [Test]
    public async Task Create_BrokenRuleWithSaveDraftOnFailure_SavesDraftAndNamesItsCode()
    {
        using var response = await Emulator.PostAsync(TemplateApi.List(Project), Body(""" "emphasizeType": "EMPHASIZE_TYPE_TEXT" """, saveDraft: true));

        string? code = await TemplateApi.RefusedByKakaoAsync(response, "EMPHASIZE_TYPE_TEXT needs details.title", draftSaved: true);

        var draft = await TemplateApi.GetAsync(Emulator, Project, code!);
        Assert.Multiple(() =>
        {
            Assert.That(draft["state"], Is.Null);
            Assert.That(draft["changes"]!["status"]!.GetValue<string>(), Is.EqualTo("DRAFT"));
            Assert.That(draft["changes"]!["details"]!["emphasizeType"]!.GetValue<string>(), Is.EqualTo("EMPHASIZE_TYPE_TEXT"));
        });
    }

    [Test]
    public async Task Create_SaveDraftOnFailureButStructurallyInvalid_SavesNothing()
    {
        using var response = await Emulator.PostAsync(TemplateApi.List(Project), Body(""" "title": "" """, saveDraft: true));

        await ApiAssert.FailsAsync(response, "invalid_input");
        Assert.That(await CountAsync(), Is.Zero);
    }

    [Test]
    public async Task Create_DraftBreakingRules_IsSavedBecauseKakaoSeesOnlySubmissions()
    {
        var draft = await TemplateApi.CreateAsync(Emulator, Project, Body(""" "emphasizeType": "EMPHASIZE_TYPE_TEXT" """, status: "DRAFT"));

        Assert.That(draft["changes"]!["status"]!.GetValue<string>(), Is.EqualTo("DRAFT"));
    }

    [Test]
    public async Task Patch_SubmitBreakingRule_Answers424AndChangesNothing()
    {
        var draft = await TemplateApi.CreateAsync(Emulator, Project, Body(string.Empty, status: "DRAFT"));
        string code = TemplateApi.Code(draft);

        using var patch = await Emulator.PatchAsync(TemplateApi.One(Project, code), """{"status": "SUBMIT", "details": {"messageType": "EXTRA_INFORMATION"}}""");

        await TemplateApi.RefusedByKakaoAsync(patch, "EXTRA_INFORMATION needs details.extra", draftSaved: false);
        var after = await TemplateApi.GetAsync(Emulator, Project, code);
        Assert.That(after["changes"]!["details"]!["messageType"]!.GetValue<string>(), Is.EqualTo("BASIC"));
    }

    [Test]
    public async Task Create_AdIncludedWithChannelButtonFirst_IsAcceptedWithKakaosAdPhrase()
    {
        var template = await TemplateApi.CreateAsync(Emulator, Project, Body(""" "messageType": "AD_INCLUDED", "buttons": [{"ordering": 1, "type": "CHANNEL_ID_ADDED", "name": "채널 추가"}, {"ordering": 2, "type": "WEB_LINK", "name": "w", "linkMo": "https://a.example"}] """));

        Assert.That(template["changes"]!["details"]!["ad"]!.GetValue<string>(), Does.Contain("채널 추가"));
    }

    [Test]
    public async Task Create_EveryRuleSatisfied_IsAccepted()
    {
        var template = await TemplateApi.CreateAsync(Emulator, Project, Body("""
             "messageType": "MIXED", "emphasizeType": "EMPHASIZE_TYPE_TEXT", "title": "주문 발송", "subtitle": "오늘 출발", "extra": "문의: 1588-0000",
             "buttons": [{"ordering": 1, "type": "CHANNEL_ID_ADDED", "name": "채널 추가"}, {"ordering": 2, "type": "APP_LINK", "name": "앱 열기", "schemeIos": "shop://order", "schemeAndroid": "shop://order"}]
            """));

        Assert.That(template["changes"]!["status"]!.GetValue<string>(), Is.EqualTo("IN_PROGRESS"));
    }

    [TestCase("""{"details": {"name": "x", "language": "XX", "content": "c"}}""", "template_invalid_language_code")]
    [TestCase("""{"details": {"name": "x", "language": "KO", "content": "c", "categoryCode": "123456"}}""", "template_invalid_category_code")]
    [TestCase("""{"details": {"name": "x", "content": "c"}}""", "invalid_input")]
    [TestCase("""{"details": {"name": "x", "language": "KO"}}""", "invalid_input")]
    [TestCase("""{"details": {"name": "x", "language": "KO", "content": "c", "buttons": [{"ordering": 1, "type": "WEB_LINK", "linkMo": "https://a.example"}]}}""", "invalid_input")]
    [TestCase("""{"details": {"name": "x", "language": "KO", "content": "c", "buttons": [{"ordering": 6, "type": "WEB_LINK", "name": "n"}]}}""", "invalid_input")]
    [TestCase("""{"details": {"name": "x", "language": "KO", "content": "c", "buttons": [{"ordering": 1, "type": "CALL", "name": "n"}]}}""", "invalid_input")]
    [TestCase("""{"details": {"name": "x", "language": "KO", "content": "c", "title": "123456789012345678901234567890123456789012345678901"}}""", "invalid_input")]
    [TestCase("""{"details": {"name": "x", "language": "KO", "content": "c", "ad": "mine"}}""", "invalid_input")]
    [TestCase("""{"details": {"name": "x", "language": "KO", "content": "c", "messageType": "ITEM_LIST"}}""", "invalid_input")]
    public async Task Create_SchemaViolation_AnswersTheDocumented400(string body, string errorCode)
    {
        using var response = await Emulator.PostAsync(TemplateApi.List(Project), body);

        await ApiAssert.FailsAsync(response, errorCode);
    }

    [Test]
    public async Task Create_MissingButtonName_NamesTheFactsValidationError()
    {
        using var response = await Emulator.PostAsync(TemplateApi.List(Project), """{"details": {"name": "x", "language": "KO", "content": "c", "buttons": [{"ordering": 1, "type": "DELIVERY_SEARCH"}]}}""");

        var error = await ApiAssert.FailsAsync(response, "invalid_input");
        Assert.That(ApiAssert.ValidationErrors(error), Is.EqualTo(new[] { "details.buttons.0.name must be a string" }));
    }

    private static string Body(string details, bool saveDraft = false, string status = "SUBMIT")
    {
        string extra = details.Trim().Length == 0 ? string.Empty : "," + details;
        return $$$"""
            {"status": "{{{status}}}", "saveDraftOnFailure": {{{(saveDraft ? "true" : "false")}}},
             "details": {"name": "rule-check", "language": "KO", "content": "#{name}님 안녕하세요"{{{extra}}}}}
            """;
    }

    private async Task<int> CountAsync()
    {
        using var list = await Emulator.Client.GetAsync(TemplateApi.List(Project));
        return (await ApiAssert.SucceedsAsync(list, HttpStatusCode.OK, "KakaotalkTemplateListDto"))["totalSize"]!.GetValue<int>();
    }
}
