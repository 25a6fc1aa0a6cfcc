using System.Net;
using Kakao.Provisioning.Models;
using Kakao.Provisioning.Tests.TestSupport;

namespace Kakao.Provisioning.Tests.Templates;

/// <summary>Bad template input fails before anything is sent, with an ArgumentException naming the member.</summary>
public class TemplateInputTests
{
    private StubHandler _handler = null!;
    private ProvisioningClient _client = null!;

    [SetUp]
    public void SetUp()
    {
        _handler = new StubHandler((_, _) => StubHandler.Json(HttpStatusCode.OK, TestSupport.Templates.Json()));
        _client = Clients.Create(_handler, new TestClock());
    }

    [TearDown]
    public void TearDown()
    {
        _client.Dispose();
        _handler.Dispose();
    }

    private ArgumentException Refused(Func<Task> call)
    {
        var error = Assert.CatchAsync<ArgumentException>(async () => await call());
        Assert.That(_handler.Requests, Is.Empty, "nothing may be sent");
        return error!;
    }

    private ArgumentException RefusedCreate(Func<TemplateDetails, TemplateDetails> change, SubmitAction? status = null) =>
        Refused(() => _client.CreateTemplateAsync(Clients.PlusFriendId, new CreateTemplateRequest
        {
            Status = status ?? SubmitAction.Submit,
            Details = change(TestSupport.Templates.Details()),
        }));

    [TestCase("..")]
    [TestCase("a/b")]
    [TestCase("%2e%2e")]
    [TestCase("a%2Fb")]
    [TestCase("")]
    [TestCase(" ")]
    [TestCase("code\n")]
    public void GetTemplateAsync_CodeNotASinglePathSegment_Throws(string code) =>
        Assert.That(Refused(() => _client.GetTemplateAsync(Clients.PlusFriendId, code)).ParamName, Is.EqualTo("templateCode"));

    [Test]
    public void GetTemplateAsync_CodeTooLong_Throws() =>
        Assert.That(Refused(() => _client.GetTemplateAsync(Clients.PlusFriendId, new string('A', TemplateLimits.CodeMaxLength + 1))).ParamName, Is.EqualTo("templateCode"));

    [Test]
    public void ListTemplatesAsync_PageSizeAbove1000_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => _client.ListTemplatesAsync(Clients.PlusFriendId, new TemplateListFilter { PageSize = 1001 }));

    [Test]
    public void CreateTemplateAsync_WithoutLanguage_Throws() =>
        Assert.That(RefusedCreate(d => d with { Language = null }).ParamName, Is.EqualTo("request.Details.Language"));

    [Test]
    public void CreateTemplateAsync_UnsupportedOrLowerCaseLanguage_Throws()
    {
        Assert.That(RefusedCreate(d => d with { Language = "XX" }).ParamName, Is.EqualTo("request.Details.Language"));
        Assert.That(RefusedCreate(d => d with { Language = "ko" }).ParamName, Is.EqualTo("request.Details.Language"));
    }

    [Test]
    public void CreateTemplateAsync_SubmitWithoutContent_ThrowsButADraftMay()
    {
        Assert.That(RefusedCreate(d => d with { Content = null }).ParamName, Is.EqualTo("request.Details.Content"));

        Assert.DoesNotThrowAsync(() => _client.CreateTemplateAsync(Clients.PlusFriendId, new CreateTemplateRequest
        {
            Status = SubmitAction.Draft,
            Details = TestSupport.Templates.Details() with { Content = null },
        }));
    }

    [TestCase(151, 0, 0, "request.Details.Name")]
    [TestCase(0, 1001, 0, "request.Details.Content")]
    [TestCase(0, 0, 501, "request.Details.Extra")]
    public void CreateTemplateAsync_TextBeyondItsLimit_Throws(int name, int content, int extra, string member) =>
        Assert.That(RefusedCreate(d => d with
        {
            Name = name > 0 ? new string('n', name) : d.Name,
            Content = content > 0 ? new string('c', content) : d.Content,
            Extra = extra > 0 ? new string('e', extra) : d.Extra,
        }).ParamName, Is.EqualTo(member));

    [TestCase("12345a")]
    [TestCase("1234567")]
    public void CreateTemplateAsync_CategoryCodeNotUpToSixDigits_Throws(string code) =>
        Assert.That(RefusedCreate(d => d with { CategoryCode = code }).ParamName, Is.EqualTo("request.Details.CategoryCode"));

    [Test]
    public void CreateTemplateAsync_OutputOnlyEnumValues_Throw()
    {
        Assert.That(RefusedCreate(d => d with { MessageType = TemplateMessageType.Unspecified }).ParamName, Is.EqualTo("request.Details.MessageType"));
        Assert.That(RefusedCreate(d => d with { EmphasizeType = EmphasizeType.Unrecognized }).ParamName, Is.EqualTo("request.Details.EmphasizeType"));
    }

    [Test]
    public void CreateTemplateAsync_AdIsResponseOnly_Throws() =>
        Assert.That(RefusedCreate(d => d with { Ad = "광고" }).ParamName, Is.EqualTo("request.Details.Ad"));

    [Test]
    public void CreateTemplateAsync_SixButtons_Throws() =>
        Assert.That(RefusedCreate(d => d with
        {
            Buttons = Enumerable.Range(1, 6).Select(i => new TemplateButton { Ordering = i, Type = TemplateLimits.InputButtonTypes[i], Name = "b" }).ToList(),
        }).ParamName, Is.EqualTo("request.Details.Buttons"));

    [Test]
    public void CreateTemplateAsync_RepeatedButtonType_Throws() =>
        Assert.That(RefusedCreate(d => d with
        {
            Buttons = [new() { Ordering = 1, Type = ButtonType.BotKeyword, Name = "a" }, new() { Ordering = 2, Type = ButtonType.BotKeyword, Name = "b" }],
        }).Message, Does.Contain("unique"));

    [Test]
    public void CreateTemplateAsync_ButtonMembers_AreNamedWithTheirIndex()
    {
        Assert.That(RefusedCreate(d => d with { Buttons = [new() { Ordering = 1, Type = ButtonType.WebLink, Name = "열다섯 글자가 넘는 버튼 이름입니다" }] }).ParamName,
            Is.EqualTo("request.Details.Buttons[0].Name"));
        Assert.That(RefusedCreate(d => d with { Buttons = [new() { Ordering = 6, Type = ButtonType.WebLink, Name = "a" }] }).ParamName,
            Is.EqualTo("request.Details.Buttons[0].Ordering"));
        Assert.That(RefusedCreate(d => d with { Buttons = [new() { Ordering = 1, Type = ButtonType.WebLink, Name = "a", LinkMo = "javascript:alert(1)" }] }).ParamName,
            Is.EqualTo("request.Details.Buttons[0].LinkMo"));
        Assert.That(RefusedCreate(d => d with { Buttons = [new() { Ordering = 1, Type = ButtonType.Unspecified, Name = "a" }] }).ParamName,
            Is.EqualTo("request.Details.Buttons[0].Type"));
        Assert.That(RefusedCreate(d => d with { Buttons = [new() { Ordering = 1, Type = ButtonType.WebLink }] }).ParamName,
            Is.EqualTo("request.Details.Buttons[0].Name"));
    }

    [Test]
    public void UpdateTemplateAsync_WithALanguage_Throws() =>
        Assert.That(Refused(() => _client.UpdateTemplateAsync(Clients.PlusFriendId, TestSupport.Templates.Code, new UpdateTemplateRequest
        {
            Details = new TemplateDetails { Language = TemplateLanguage.English },
        })).ParamName, Is.EqualTo("request.Details.Language"));

    [Test]
    public void UpdateTemplateAsync_FieldSetAndCleared_Throws() =>
        Assert.That(Refused(() => _client.UpdateTemplateAsync(Clients.PlusFriendId, TestSupport.Templates.Code, new UpdateTemplateRequest
        {
            Details = new TemplateDetails { Title = "제목" },
            Clear = TemplateClearableFields.Title,
        })).ParamName, Is.EqualTo("request.Clear"));

    [Test]
    public void AddTemplateCommentAsync_EmptyComment_Throws() =>
        Assert.That(Refused(() => _client.AddTemplateCommentAsync(Clients.PlusFriendId, TestSupport.Templates.Code, "")).ParamName, Is.EqualTo("comment"));
}
