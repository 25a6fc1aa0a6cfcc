using Kakao.Provider.Models;
using Kakao.Provider.Resources.Sender;
using Kakao.Provider.Tests.TestSupport;
using Kakao.Provisioning;
using Kakao.Provisioning.Models;
using Moq;

namespace Kakao.Provider.Tests.Resources.Sender;

/// <summary>
/// A sender that may exist remotely always reaches the engine as init-failed with its id (the engine treats
/// Cancelled/DeadlineExceeded/Unavailable without that detail as "nothing was created").
/// </summary>
public class SenderStateLossTests
{
    private Mock<ProvisioningClient> _client = null!;
    private SenderHandler _resource = null!;

    [SetUp]
    public void SetUp()
    {
        var (provider, client) = MockClients.Create();
        _client = client;
        _resource = new SenderHandler(provider, new RecordingDiagnostics());
    }

    [Test]
    public void CreateAsync_CancelledAfterSinchCreatedIt_ReadsBackOnAFreshTokenAndAnswersInitFailed()
    {
        using var cancelled = new CancellationTokenSource();
        CancellationToken readBackToken = default;
        _client.Setup(c => c.CreateSenderAsync(It.IsAny<CreateSenderRequest>(), It.IsAny<CancellationToken>()))
            .Returns(async () =>
            {
                await cancelled.CancelAsync();
                throw new OperationCanceledException(cancelled.Token);
            });
        _client.Setup(c => c.DescribeSenderAsync(Samples.PlusFriendId, It.IsAny<CancellationToken>()))
            .Callback<string, CancellationToken>((_, token) => readBackToken = token)
            .ReturnsAsync(new SenderSnapshot(Samples.InReview(), []));

        var error = Assert.ThrowsAsync<ResourceInitFailedException>(() =>
            _resource.CreateAsync(Samples.CheckedInputs(), preview: false, Samples.Urn, cancelled.Token));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Id, Is.EqualTo(Samples.PlusFriendId));
            Assert.That(error.Properties[SenderProperties.Status], Is.EqualTo(Samples.S("IN_PROGRESS")));
            Assert.That(error.Properties.Values.Any(v => v.IsComputed), Is.False, "init-failed outputs hold no unknowns");
            Assert.That(error.InnerException, Is.InstanceOf<OperationCanceledException>());
            Assert.That(readBackToken.IsCancellationRequested, Is.False, "the read-back must not run on the cancelled token");
            Assert.That(readBackToken.CanBeCanceled, Is.True, "the read-back is bounded");
        });
    }

    [Test]
    public void CreateAsync_CancelledBeforeSinchCreatedIt_StaysCancelled()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        _client.Setup(c => c.CreateSenderAsync(It.IsAny<CreateSenderRequest>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new OperationCanceledException(cancelled.Token));
        _client.Setup(c => c.DescribeSenderAsync(Samples.PlusFriendId, It.IsAny<CancellationToken>())).ReturnsAsync((SenderSnapshot?)null);

        Assert.ThrowsAsync<OperationCanceledException>(() =>
            _resource.CreateAsync(Samples.CheckedInputs(), preview: false, Samples.Urn, cancelled.Token));
    }

    [Test]
    public void CreateAsync_OutcomeUnknownAndReadBackFails_AnswersInitFailedWithIdAndNoUnknowns()
    {
        _client.Setup(c => c.CreateSenderAsync(It.IsAny<CreateSenderRequest>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new ProvisioningApiException(503, null, "Service Unavailable. The outcome is unknown.") { OutcomeUnknown = true });
        _client.Setup(c => c.DescribeSenderAsync(Samples.PlusFriendId, It.IsAny<CancellationToken>()))
            .ThrowsAsync(MockClients.ApiError(500, "internal_error"));

        var error = Assert.ThrowsAsync<ResourceInitFailedException>(() =>
            _resource.CreateAsync(Samples.CheckedInputs(), preview: false, Samples.Urn, CancellationToken.None));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Id, Is.EqualTo(Samples.PlusFriendId));
            Assert.That(error.Properties[SenderProperties.ProjectId], Is.EqualTo(Samples.S(Samples.ProjectId)), "a later refresh needs the project");
            Assert.That(error.Properties[SenderProperties.Status], Is.EqualTo(Samples.S(SenderSnapshots.UnknownStatus)));
            Assert.That(error.Properties.Values.Any(v => v.IsComputed), Is.False);
            Assert.That(error.Reasons.Single(), Does.Contain("pulumi refresh"));
        });
    }

    [Test]
    public void CreateAsync_ConfirmedAbsentFailure_IsRaisedAsItIs()
    {
        // The client already read back and found nothing: no write happened, nothing to keep.
        _client.Setup(c => c.CreateSenderAsync(It.IsAny<CreateSenderRequest>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(MockClients.ApiError(500, "internal_error"));

        Assert.ThrowsAsync<ProvisioningApiException>(() =>
            _resource.CreateAsync(Samples.CheckedInputs(), preview: false, Samples.Urn, CancellationToken.None));
        _client.Verify(c => c.DescribeSenderAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public void CreateAsync_PlusFriendIdTaken_SuggestsImportWithTheIdQuoted()
    {
        // Unquoted, `import: @sinch-demo` is invalid YAML (a plain value cannot start with @).
        _client.Setup(c => c.CreateSenderAsync(It.IsAny<CreateSenderRequest>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(MockClients.ApiError(409, "plus_friend_id_used"));

        var error = Assert.ThrowsAsync<ObjectAlreadyExistsException>(() =>
            _resource.CreateAsync(Samples.CheckedInputs(), preview: false, Samples.Urn, CancellationToken.None));

        Assert.That(error!.Message, Does.Contain($"`import: \"{Samples.PlusFriendId}\"`").And.Contain($"pulumi import kakao:index:KakaoSender <name> {Samples.PlusFriendId}"));
    }

    [Test]
    public void DeleteAsync_404WithoutSinchErrorCode_Propagates()
    {
        _client.Setup(c => c.DeleteSenderAsync(Samples.PlusFriendId, It.IsAny<CancellationToken>()))
            .ThrowsAsync(new ProvisioningApiException(404, null, "Not Found"));

        Assert.ThrowsAsync<ProvisioningApiException>(() =>
            _resource.DeleteAsync(Samples.PlusFriendId, PropertyMap.Empty, PropertyMap.Empty, CancellationToken.None));
    }
}
