using Kakao.Provider.Functions;
using Kakao.Provider.Models;
using Kakao.Provider.Resources.Sender;
using Kakao.Provider.Tests.TestSupport;
using Kakao.Provisioning.Models;
using Moq;

namespace Kakao.Provider.Tests.Functions;

/// <summary>getSender during previews (the engine invokes with preview = true) and outside them.</summary>
public class GetSenderPreviewTests
{
    private static PropertyMap Args() => new PropertyMapBuilder().Set(SenderProperties.PlusFriendId, Samples.S(Samples.PlusFriendId)).Build();

    [Test]
    public async Task InvokeAsync_PreviewOfAPlannedSender_AnswersExistsFalseWithoutUnknowns()
    {
        var (provider, client) = MockClients.Create();
        client.Setup(c => c.DescribeSenderAsync(Samples.PlusFriendId, It.IsAny<CancellationToken>())).ReturnsAsync((SenderSnapshot?)null);

        var result = (await TestSupport.Functions.InvokeAsync(new GetSenderFunction(provider), Args(), preview: true)).Result!;

        Assert.Multiple(() =>
        {
            Assert.That(result[GetSenderFunction.Exists], Is.EqualTo(PropertyValue.Create(false)));
            Assert.That(result[SenderProperties.PlusFriendId], Is.EqualTo(Samples.S(Samples.PlusFriendId)));
            Assert.That(result[SenderProperties.ProjectId], Is.EqualTo(Samples.S(Samples.ProjectId)));
            Assert.That(result.Get(SenderProperties.Status), Is.Null);
            Assert.That(result.Values.Any(v => v.IsComputed), Is.False, "an invoke cannot answer unknowns");
        });
    }

    [Test]
    public void InvokeAsync_MissingSenderOutsideAPreview_IsNotFound()
    {
        var (provider, client) = MockClients.Create();
        client.Setup(c => c.DescribeSenderAsync(Samples.PlusFriendId, It.IsAny<CancellationToken>())).ReturnsAsync((SenderSnapshot?)null);

        Assert.ThrowsAsync<ObjectNotFoundException>(() => TestSupport.Functions.InvokeAsync(new GetSenderFunction(provider), Args(), preview: false));
    }

    [Test]
    public async Task InvokeAsync_ExistingSender_AnswersExistsTrue()
    {
        var (provider, client) = MockClients.Create();
        client.Setup(c => c.DescribeSenderAsync(Samples.PlusFriendId, It.IsAny<CancellationToken>())).ReturnsAsync(new SenderSnapshot(Samples.InReview(), []));

        var result = (await TestSupport.Functions.InvokeAsync(new GetSenderFunction(provider), Args(), preview: true)).Result!;

        Assert.Multiple(() =>
        {
            Assert.That(result[GetSenderFunction.Exists], Is.EqualTo(PropertyValue.Create(true)));
            Assert.That(result[SenderProperties.Status], Is.EqualTo(Samples.S("IN_PROGRESS")));
        });
    }

    [Test]
    public async Task Validate_MissingPlusFriendId_SaysAnUnknownArgumentArrivesMissing()
    {
        var (provider, _) = MockClients.Create();
        var failure = (await TestSupport.Functions.InvokeAsync(new GetSenderFunction(provider), PropertyMap.Empty)).Failures.Single();

        Assert.That(failure.Reason, Does.Contain("required").And.Contain("not known yet"));
    }
}
