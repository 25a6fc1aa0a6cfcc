using System.Net;
using Kakao.Provisioning.Internal;
using Kakao.Provisioning.Tests.TestSupport;

namespace Kakao.Provisioning.Tests.Internal;

/// <summary>
/// Every value that becomes a path segment (project id, plusFriendId, webhook id) addresses only its own
/// segment: dot segments, separators, their percent-encoded forms and control characters are refused before
/// anything is sent; anything else is escaped.
/// </summary>
public class PathSegmentTests
{
    /// <summary>Values that would leave their segment once a client, proxy or server normalises or decodes the URL.</summary>
    public static readonly string[] Escaping =
    [
        "", " ", ".", "..", " .. ", "a/b", "../x", "a\\b", "..\\", "%2e", "%2E%2e", ".%2e", "%2e%2e%2f", "%2F", "a%2fb", "%5c",
        "%252e%252e", "%25252e%25252e", "%2525252e", "tab\there", "nul\0", "line\nbreak", "\u007f", "%00", "%0a",
    ];

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

    [TestCaseSource(nameof(Escaping))]
    public void RequireSegment_ValueLeavingItsSegment_ThrowsNamingTheParameter(string value)
    {
        var ex = Assert.Throws<ArgumentException>(() => ApiPaths.RequireSegment(value, "plusFriendId"));
        Assert.That(ex!.ParamName, Is.EqualTo("plusFriendId"));
        Assert.That(ex.Message, Does.StartWith("plusFriendId "));
    }

    [TestCase("@sinch-demo", "@sinch-demo")]
    [TestCase("a.b", "a.b")]
    [TestCase("...", "...")]
    [TestCase("a?b#c", "a%3Fb%23c")]
    [TestCase("50%", "50%25")]
    [TestCase("가나", "%EA%B0%80%EB%82%98")]
    public void Sender_OrdinaryValue_IsEscapedIntoOneSegment(string plusFriendId, string expectedSegment)
    {
        var path = ApiPaths.Sender("proj-1", plusFriendId);
        Assert.That(path, Is.EqualTo("v1/projects/proj-1/kakaotalk/senders/" + expectedSegment));
        Assert.That(new Uri(new Uri("https://h.test/"), path).AbsolutePath, Is.EqualTo("/" + path), "no normalisation moves it");
    }

    [TestCaseSource(nameof(Escaping))]
    public void ClientOperations_IdLeavingItsSegment_ThrowArgumentExceptionAndSendNothing(string id)
    {
        Assert.Multiple(() =>
        {
            Assert.ThrowsAsync(Is.InstanceOf<ArgumentException>(), () => _client.GetSenderAsync(id));
            Assert.ThrowsAsync(Is.InstanceOf<ArgumentException>(), () => _client.TryGetSenderAsync(id));
            Assert.ThrowsAsync(Is.InstanceOf<ArgumentException>(), () => _client.DescribeSenderAsync(id));
            Assert.ThrowsAsync(Is.InstanceOf<ArgumentException>(), () => _client.DeleteSenderAsync(id));
            Assert.ThrowsAsync(Is.InstanceOf<ArgumentException>(), () => _client.DeleteSenderChangesAsync(id));
            Assert.ThrowsAsync(Is.InstanceOf<ArgumentException>(), () => _client.RegisterSenderAsync(id));
            Assert.ThrowsAsync(Is.InstanceOf<ArgumentException>(), () => _client.VerifySenderAsync(id, 123456));
            Assert.ThrowsAsync(Is.InstanceOf<ArgumentException>(), () => _client.AddSenderCommentAsync(id, "hi"));
            Assert.ThrowsAsync(Is.InstanceOf<ArgumentException>(), () => _client.UpdateSenderAsync(id, new Kakao.Provisioning.Models.UpdateSenderRequest { Status = Kakao.Provisioning.Models.SubmitAction.Submit }));
            Assert.ThrowsAsync(Is.InstanceOf<ArgumentException>(), () => _client.ListSenderActivitiesPageAsync(id));
            Assert.ThrowsAsync(Is.InstanceOf<ArgumentException>(), () => _client.DeleteWebhookAsync(id));
            Assert.ThrowsAsync(Is.InstanceOf<ArgumentException>(), () => _client.CreateSenderAsync(Clients.CreateRequest() with { PlusFriendId = id }));
            Assert.Throws(Is.InstanceOf<ArgumentException>(), () => _client.ForProject(id));
        });
        Assert.That(_handler.Requests, Is.Empty);
    }

    [TestCaseSource(nameof(Escaping))]
    public void Constructor_ProjectIdLeavingItsSegment_ThrowsNamingProjectId(string projectId)
    {
        var ex = Assert.Throws(Is.InstanceOf<ArgumentException>(), () => Clients.Create(_handler, new TestClock(), o => o.ProjectId = projectId)) as ArgumentException;
        Assert.That(ex!.ParamName, Is.EqualTo(nameof(ProvisioningClientOptions.ProjectId)));
    }
}
