using System.Net;
using Kakao.Provisioning.Models;
using Kakao.Provisioning.Tests.TestSupport;

namespace Kakao.Provisioning.Tests;

/// <summary>Bad input fails before anything is sent, naming the parameter and never echoing personal data.</summary>
public class ProvisioningClientInputTests
{
    private StubHandler _handler = null!;
    private ProvisioningClient _client = null!;

    [SetUp]
    public void SetUp()
    {
        _handler = new StubHandler((_, _) => StubHandler.Json(HttpStatusCode.OK, Clients.SenderJson()));
        _client = Clients.Create(_handler, new TestClock());
    }

    [TearDown]
    public void TearDown()
    {
        _client.Dispose();
        _handler.Dispose();
    }

    private static CreateSenderRequest WithDetails(Func<SenderDetails, SenderDetails> change) =>
        Clients.CreateRequest() with { Details = change(Clients.Details()) };

    private static IEnumerable<TestCaseData> InvalidCreates()
    {
        yield return new TestCaseData(Clients.CreateRequest() with { PlusFriendId = "" }, "request.PlusFriendId").SetName("Create_EmptyPlusFriendId_Throws");
        yield return new TestCaseData(Clients.CreateRequest() with { PlusFriendId = new string('a', 31) }, "request.PlusFriendId").SetName("Create_PlusFriendId31Chars_Throws");
        yield return new TestCaseData(WithDetails(d => d with { AdminPhoneNo = "+48-777-777" }), "request.Details.AdminPhoneNo").SetName("Create_PhoneWithDashes_Throws");
        yield return new TestCaseData(WithDetails(d => d with { AdminPhoneNo = "+4877777777777777" }), "request.Details.AdminPhoneNo").SetName("Create_Phone16Chars_Throws");
        yield return new TestCaseData(WithDetails(d => d with { AdminPhoneNo = "+" }), "request.Details.AdminPhoneNo").SetName("Create_PhoneOnlyPlus_Throws");
        yield return new TestCaseData(WithDetails(d => d with { Name = "" }), "request.Details.Name").SetName("Create_EmptyName_Throws");
        yield return new TestCaseData(WithDetails(d => d with { Name = new string('n', 513) }), "request.Details.Name").SetName("Create_Name513Chars_Throws");
        yield return new TestCaseData(WithDetails(d => d with { TopLevelCategoryCode = "19" }), "request.Details.TopLevelCategoryCode").SetName("Create_TopCategoryTwoDigits_Throws");
        yield return new TestCaseData(WithDetails(d => d with { MidLevelCategoryCode = "00a6" }), "request.Details.MidLevelCategoryCode").SetName("Create_MidCategoryNotDigits_Throws");
        yield return new TestCaseData(WithDetails(d => d with { SubLevelCategoryCode = "00001" }), "request.Details.SubLevelCategoryCode").SetName("Create_SubCategoryFiveDigits_Throws");
        yield return new TestCaseData(WithDetails(d => d with { LogoImage = "ftp://logo.test/a.png" }), "request.Details.LogoImage").SetName("Create_LogoNotHttp_Throws");
        yield return new TestCaseData(WithDetails(d => d with { LogoImage = "/relative.png" }), "request.Details.LogoImage").SetName("Create_LogoRelative_Throws");
        yield return new TestCaseData(WithDetails(d => d with { Name = null }), "request.Details.Name").SetName("Create_SubmitWithoutName_Throws");
    }

    [TestCaseSource(nameof(InvalidCreates))]
    public void CreateSenderAsync_InvalidInput_ThrowsNamingTheParameterAndSendsNothing(CreateSenderRequest request, string paramName)
    {
        var ex = Assert.ThrowsAsync(Is.InstanceOf<ArgumentException>(), () => _client.CreateSenderAsync(request)) as ArgumentException;
        Assert.That(ex!.ParamName, Is.EqualTo(paramName));
        Assert.That(_handler.Requests, Is.Empty);
    }

    [Test]
    public void CreateSenderAsync_BadPhone_DoesNotEchoTheNumber()
    {
        var ex = Assert.ThrowsAsync<ArgumentException>(() => _client.CreateSenderAsync(WithDetails(d => d with { AdminPhoneNo = "+48 777 123 456" })));
        Assert.That(ex!.Message, Does.Not.Contain("123"));
    }

    [Test]
    public async Task CreateSenderAsync_DraftWithPartialDetails_IsAccepted()
    {
        await _client.CreateSenderAsync(new CreateSenderRequest { PlusFriendId = "@draft", Status = SubmitAction.Draft, Details = new SenderDetails { Name = "Only a name" } });
        Assert.That(_handler.Requests, Has.Count.EqualTo(1));
    }

    [TestCase(-1)]
    [TestCase(1_000_000)]
    public void VerifySenderAsync_CodeOutOfRange_ThrowsWithoutEchoingIt(int code)
    {
        var ex = Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => _client.VerifySenderAsync(Clients.PlusFriendId, code));
        Assert.That(ex!.ParamName, Is.EqualTo("code"));
        Assert.That(ex.Message, Does.Not.Contain(code.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.That(_handler.Requests, Is.Empty);
    }

    [TestCase("")]
    [TestCase(null)]
    public void AddSenderCommentAsync_EmptyComment_Throws(string? comment)
    {
        var ex = Assert.ThrowsAsync(Is.InstanceOf<ArgumentException>(), () => _client.AddSenderCommentAsync(Clients.PlusFriendId, comment!)) as ArgumentException;
        Assert.That(ex!.ParamName, Is.EqualTo("comment"));
    }

    [Test]
    public void AddSenderCommentAsync_Over65535Chars_Throws() =>
        Assert.That(Assert.ThrowsAsync<ArgumentException>(() => _client.AddSenderCommentAsync(Clients.PlusFriendId, new string('c', 65536)))!.ParamName, Is.EqualTo("comment"));

    [TestCase(0)]
    [TestCase(101)]
    public void ListSendersPageAsync_PageSizeOutOfRange_Throws(int pageSize) =>
        Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => _client.ListSendersPageAsync(new SenderListFilter { PageSize = pageSize }));

    [Test]
    public void GetSenderAsync_PlusFriendIdTooLong_Throws() =>
        Assert.That(Assert.ThrowsAsync<ArgumentException>(() => _client.GetSenderAsync(new string('x', 31)))!.ParamName, Is.EqualTo("plusFriendId"));

    [Test]
    public void CreateWebhookAsync_RelativeTarget_Throws() =>
        Assert.That(
            Assert.ThrowsAsync<ArgumentException>(() => _client.CreateWebhookAsync(new CreateWebhookRequest { Target = "hooks", Secret = "s", Triggers = ["KAKAOTALK_SENDER_ACTIVE"] }))!.ParamName,
            Is.EqualTo("request.Target"));

    [Test]
    public void ForProject_EmptyProjectId_Throws() =>
        Assert.Throws<ArgumentException>(() => _client.ForProject(" "));

    [Test]
    public void Operations_AfterCallerCancelled_ThrowOperationCanceled()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.ThrowsAsync(Is.InstanceOf<OperationCanceledException>(), () => _client.GetSenderAsync(Clients.PlusFriendId, cts.Token));
        Assert.That(_handler.Requests, Is.Empty);
    }
}
