using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Kakao.Emulator.Tests.Support;

namespace Kakao.Emulator.Tests.Http;

/// <summary>Basic and Bearer auth on the Sinch API, the OAuth2 token endpoint, and project onboarding.</summary>
[TestFixture]
public sealed class AuthTests
{
    private EmulatorHarness _emulator = null!;

    [SetUp]
    public async Task StartAsync() => _emulator = await EmulatorHarness.StartAsync(o =>
    {
        o.KeyId = "key-1";
        o.KeySecret = "s3cr3t";
    });

    [TearDown]
    public async Task StopAsync() => await _emulator.DisposeAsync();

    [TestCase(null)]
    [TestCase("Basic a2V5LTE6d3Jvbmc=")] // key-1:wrong
    [TestCase("Basic !!!not-base64")]
    [TestCase("Bearer unknown-token")]
    [TestCase("Digest abc")]
    [TestCase("Basic")]
    public async Task Api_BadCredentials_Answers401UnauthorizedError(string? authorization)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"v1/projects/{EmulatorHarness.NewProject()}/kakaotalk/senders");
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        using var response = await _emulator.Anonymous.SendAsync(request);

        await ApiAssert.FailsAsync(response, "unauthorized_error");
    }

    [Test]
    public async Task Api_Unauthorized_NeverChangesState()
    {
        string project = EmulatorHarness.NewProject();

        using var response = await _emulator.PostAsync(EmulatorHarness.Senders(project), EmulatorHarness.SampleCreateBody(), _emulator.Anonymous);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        using var get = await _emulator.Client.GetAsync(EmulatorHarness.Sender(project));
        await ApiAssert.FailsAsync(get, "sender_not_found");
    }

    [Test]
    public async Task Token_ClientCredentialsWithBasic_ReturnsBearerTokenThatWorksForOneHour()
    {
        string token = await IssueTokenAsync();
        string project = EmulatorHarness.NewProject();

        using var ok = await GetWithBearerAsync(token, project);
        Assert.That(ok.StatusCode, Is.EqualTo(HttpStatusCode.OK));

        _emulator.Time.Advance(TimeSpan.FromHours(1));
        using var expired = await GetWithBearerAsync(token, project);
        Assert.Multiple(() =>
        {
            Assert.That(expired.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(expired.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
            Assert.That(expired.Headers.WwwAuthenticate.ToString(), Does.Contain("error=\"invalid_token\"").And.Contain("expired"));
        });
    }

    [Test]
    public async Task Token_Issued_IsJwtShapedWithKeyIdAndExpiry()
    {
        string token = await IssueTokenAsync();

        string[] parts = token.Split('.');
        Assert.That(parts, Has.Length.EqualTo(3));
        var header = System.Text.Json.Nodes.JsonNode.Parse(System.Buffers.Text.Base64Url.DecodeFromChars(parts[0]))!;
        var claims = System.Text.Json.Nodes.JsonNode.Parse(System.Buffers.Text.Base64Url.DecodeFromChars(parts[1]))!;
        Assert.Multiple(() =>
        {
            Assert.That(header["alg"]!.GetValue<string>(), Is.EqualTo("HS256"));
            Assert.That(header["typ"]!.GetValue<string>(), Is.EqualTo("JWT"));
            Assert.That(claims["sub"]!.GetValue<string>(), Is.EqualTo(_emulator.Options.KeyId));
            Assert.That(claims["exp"]!.GetValue<long>() - claims["iat"]!.GetValue<long>(), Is.EqualTo(3600));
            Assert.That(System.Buffers.Text.Base64Url.DecodeFromChars(parts[2]), Has.Length.EqualTo(32));
        });
    }

    [Test]
    public async Task Token_Response_HasOAuth2Shape()
    {
        using var response = await RequestTokenAsync("key-1", "s3cr3t", "client_credentials");

        var body = await EmulatorHarness.ReadJsonAsync(response);
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(body!["token_type"]!.GetValue<string>(), Is.EqualTo("Bearer"));
            Assert.That(body["expires_in"]!.GetValue<int>(), Is.EqualTo(3600));
            Assert.That(body["access_token"]!.GetValue<string>(), Has.Length.GreaterThan(20));
            Assert.That(body.AsObject().ContainsKey("scope"), Is.True);
        });
    }

    [Test]
    public async Task Token_FormClientIdAndSecret_AreAcceptedToo()
    {
        using var response = await _emulator.Anonymous.PostAsync("oauth2/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = "key-1",
            ["client_secret"] = "s3cr3t",
        }));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [TestCase("key-1", "wrong", "client_credentials", 401, "invalid_client")]
    [TestCase("other", "s3cr3t", "client_credentials", 401, "invalid_client")]
    [TestCase("key-1", "s3cr3t", "password", 400, "unsupported_grant_type")]
    public async Task Token_BadRequest_AnswersOAuth2Error(string id, string secret, string grant, int status, string error)
    {
        using var response = await RequestTokenAsync(id, secret, grant);

        var body = await EmulatorHarness.ReadJsonAsync(response);
        Assert.Multiple(() =>
        {
            Assert.That((int)response.StatusCode, Is.EqualTo(status));
            Assert.That(body!["error"]!.GetValue<string>(), Is.EqualTo(error));
        });
    }

    [Test]
    public async Task Token_JsonBody_Answers400InvalidRequest()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "oauth2/token") { Content = EmulatorHarness.JsonContent("""{"grant_type": "client_credentials"}""") };
        request.Headers.Authorization = Basic("key-1", "s3cr3t");

        using var response = await _emulator.Anonymous.SendAsync(request);

        Assert.That((await EmulatorHarness.ReadJsonAsync(response))!["error"]!.GetValue<string>(), Is.EqualTo("invalid_request"));
    }

    [Test]
    public async Task Token_RestartWithDataFile_StillAccepted()
    {
        string file = Path.Combine(Path.GetTempPath(), $"emu-{Guid.NewGuid():N}.json");
        try
        {
            string token;
            await using (var first = await EmulatorHarness.StartAsync(o => o.DataFile = file))
            {
                using var response = await first.Anonymous.SendAsync(TokenRequest("emulator-key", "emulator-secret", "client_credentials"));
                token = (await EmulatorHarness.ReadJsonAsync(response))!["access_token"]!.GetValue<string>();
            }

            await using var second = await EmulatorHarness.StartAsync(o => o.DataFile = file);
            using var request = new HttpRequestMessage(HttpMethod.Get, EmulatorHarness.Senders("p"));
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var get = await second.Anonymous.SendAsync(request);
            Assert.That(get.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(await File.ReadAllTextAsync(file), Does.Not.Contain(token));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Test]
    public async Task Api_ProjectNotOnboarded_AnswersProjectNotInitialized()
    {
        await using var emulator = await EmulatorHarness.StartAsync(o => o.InitializedProjectIds = ["onboarded"]);

        using var other = await emulator.Client.GetAsync(EmulatorHarness.Senders("elsewhere"));
        using var onboarded = await emulator.Client.GetAsync(EmulatorHarness.Senders("onboarded"));

        await ApiAssert.FailsAsync(other, "project_not_initialized");
        Assert.That(onboarded.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    private async Task<string> IssueTokenAsync()
    {
        using var response = await RequestTokenAsync("key-1", "s3cr3t", "client_credentials");
        return (await EmulatorHarness.ReadJsonAsync(response))!["access_token"]!.GetValue<string>();
    }

    private Task<HttpResponseMessage> RequestTokenAsync(string id, string secret, string grant) =>
        _emulator.Anonymous.SendAsync(TokenRequest(id, secret, grant));

    private static HttpRequestMessage TokenRequest(string id, string secret, string grant)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "oauth2/token")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = grant }),
        };
        request.Headers.Authorization = Basic(id, secret);
        return request;
    }

    private async Task<HttpResponseMessage> GetWithBearerAsync(string token, string project)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, EmulatorHarness.Senders(project));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await _emulator.Anonymous.SendAsync(request);
    }

    private static AuthenticationHeaderValue Basic(string id, string secret) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{id}:{secret}")));
}
