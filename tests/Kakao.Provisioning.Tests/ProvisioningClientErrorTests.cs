using System.Net;
using Kakao.Provisioning.Tests.TestSupport;

namespace Kakao.Provisioning.Tests;

/// <summary>Error answers become one exception type with everything the API said, and no secret.</summary>
public class ProvisioningClientErrorTests
{
    private TestClock _clock = null!;

    [SetUp]
    public void SetUp() => _clock = new TestClock();

    private ProvisioningApiException GetFails(HttpResponseMessage answer, Action<ProvisioningClientOptions>? configure = null)
    {
        var handler = new StubHandler((_, _) => answer);
        using var client = Clients.Create(handler, _clock, o => { o.MaxRetries = 0; configure?.Invoke(o); });
        return Assert.ThrowsAsync<ProvisioningApiException>(() => client.GetSenderAsync(Clients.PlusFriendId))!;
    }

    [Test]
    public void SinchErrorBody_IsMappedFieldByField()
    {
        var ex = GetFails(StubHandler.Json(HttpStatusCode.BadRequest, """
            {"errorCode":"invalid_input","message":"Invalid input.","resolution":"Correct the validation errors and submit again.",
             "additionalInformation":{"validationErrors":["plusFriendId must be longer than or equal to 1 characters","details.name must be a string"]}}
            """));

        Assert.Multiple(() =>
        {
            Assert.That(ex.Status, Is.EqualTo(400));
            Assert.That(ex.ErrorCode, Is.EqualTo("invalid_input"));
            Assert.That(ex.ApiMessage, Is.EqualTo("Invalid input."));
            Assert.That(ex.Resolution, Is.EqualTo("Correct the validation errors and submit again."));
            Assert.That(ex.ValidationErrors, Has.Count.EqualTo(2));
            Assert.That(ex.Message, Does.Contain("400 invalid_input").And.Contain("details.name must be a string"));
            Assert.That(ex.IsTransient, Is.False);
        });
    }

    [Test]
    public void AdditionalInformationAsPlainString_BecomesAOneItemList()
    {
        var ex = GetFails(StubHandler.Json(HttpStatusCode.BadRequest, """
            {"errorCode":"invalid_filter_states","message":"Invalid filterStates.","resolution":"r","additionalInformation":{"supportedCodes":"ACTIVE, BLOCKED"}}
            """));

        Assert.That(ex.AdditionalInformation["supportedCodes"], Is.EqualTo(new[] { "ACTIVE, BLOCKED" }));
    }

    [Test]
    public void ProblemDetails_AreMappedToMessage()
    {
        var ex = GetFails(StubHandler.Json(HttpStatusCode.Unauthorized, """{"type":"https://errors.test/expired","title":"Unauthorized","detail":"Token expired"}"""));

        Assert.Multiple(() =>
        {
            Assert.That(ex.Status, Is.EqualTo(401));
            Assert.That(ex.ApiMessage, Is.EqualTo("Unauthorized: Token expired"));
            Assert.That(ex.AdditionalInformation["type"], Is.EqualTo(new[] { "https://errors.test/expired" }));
        });
    }

    [Test]
    public void NonJsonBody_GivesStatusAndAShortSingleLineSnippet()
    {
        var html = "<html>\n<body>\r\n<h1>502 Bad Gateway</h1>" + new string('x', 5000) + "</body></html>";
        var ex = GetFails(StubHandler.Text(HttpStatusCode.BadGateway, html));

        Assert.Multiple(() =>
        {
            Assert.That(ex.Status, Is.EqualTo(502));
            Assert.That(ex.ErrorCode, Is.Null);
            Assert.That(ex.Message, Does.Contain("502").And.Contain("text/html").And.Contain("<h1>502 Bad Gateway</h1>"));
            Assert.That(ex.Message, Does.Not.Contain("\n").And.Not.Contain("\r"));
            Assert.That(ex.Message.Length, Is.LessThan(400));
        });
    }

    [Test]
    public void EmptyErrorBody_SaysSo()
    {
        var ex = GetFails(StubHandler.Status(HttpStatusCode.Conflict));
        Assert.That(ex.Status, Is.EqualTo(409));
        Assert.That(ex.Message, Does.Contain("empty body"));
    }

    [Test]
    public void ErrorBodyEchoingCredentials_IsRedacted()
    {
        var basic = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{Clients.KeyId}:{Clients.KeySecret}"));
        var ex = GetFails(StubHandler.Text(HttpStatusCode.BadRequest, $"bad request; Authorization: Basic {basic}; secret={Clients.KeySecret}", "text/plain"));

        Assert.That(ex.ToString(), Does.Not.Contain(Clients.KeySecret).And.Not.Contain(basic));
        Assert.That(ex.Message, Does.Contain("***"));
    }

    [Test]
    public void VerifyFailure_EchoingTheCode_NeverShowsIt()
    {
        var handler = new StubHandler((_, _) => StubHandler.Json(HttpStatusCode.BadRequest, """
            {"errorCode":"invalid_input","message":"Invalid input.","resolution":"r","additionalInformation":{"validationErrors":["code 987654 is not valid"]}}
            """));
        var logs = new ListLoggerFactory();
        using var client = Clients.Create(handler, _clock, o => o.LoggerFactory = logs);

        var ex = Assert.ThrowsAsync<ProvisioningApiException>(() => client.VerifySenderAsync(Clients.PlusFriendId, 987654));

        Assert.That(ex!.ToString(), Does.Not.Contain("987654"));
        Assert.That(ex.ValidationErrors.Single(), Is.EqualTo("code *** is not valid"));
        Assert.That(logs.AllText, Does.Not.Contain("987654"));
    }

    [Test]
    public void CreateFailure_EchoingTheAdminPhone_NeverShowsIt()
    {
        var handler = new StubHandler((_, _) => StubHandler.Json(HttpStatusCode.BadRequest, """
            {"errorCode":"invalid_input","message":"Invalid input.","resolution":"r","additionalInformation":{"validationErrors":["details.adminPhoneNo 48777777777 is not reachable"]}}
            """));
        using var client = Clients.Create(handler, _clock);

        var ex = Assert.ThrowsAsync<ProvisioningApiException>(() => client.CreateSenderAsync(Clients.CreateRequest()));

        Assert.That(ex!.ToString(), Does.Not.Contain("777777777"));
        Assert.That(ex.ValidationErrors.Single(), Is.EqualTo("details.adminPhoneNo *** is not reachable"));
    }

    [Test]
    public void Logs_NameMethodPathAndStatus_ButNoSecretOrPersonalData()
    {
        var handler = new StubHandler((request, _) => request.Path.EndsWith("/verify", StringComparison.Ordinal)
            ? StubHandler.SinchError(HttpStatusCode.Conflict, "not_allowed_verify")
            : StubHandler.Json(HttpStatusCode.Created, Clients.SenderJson()));
        var logs = new ListLoggerFactory();
        using var client = Clients.Create(handler, _clock, o => o.LoggerFactory = logs);

        Assert.DoesNotThrowAsync(() => client.CreateSenderAsync(Clients.CreateRequest()));
        Assert.ThrowsAsync<ProvisioningApiException>(() => client.VerifySenderAsync(Clients.PlusFriendId, 123456));

        Assert.That(logs.AllText, Does.Contain("POST v1/projects/proj-1/kakaotalk/senders answered 201"));
        Assert.That(logs.AllText, Does.Contain("POST v1/projects/proj-1/kakaotalk/senders/@sinch-demo/verify failed with 409"));
        Assert.That(logs.AllText, Does.Not.Contain(Clients.KeySecret).And.Not.Contain("123456").And.Not.Contain("777777777"));
    }

    [Test]
    public void ExceptionWithRetryAfter_ExposesIt()
    {
        var ex = GetFails(StubHandler.Json(HttpStatusCode.TooManyRequests, """{"title":"Too Many Requests"}""", r => r.Headers.RetryAfter = new(TimeSpan.FromSeconds(12))));
        Assert.That(ex.RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(12)));
        Assert.That(ex.IsTransient, Is.True);
    }
}
