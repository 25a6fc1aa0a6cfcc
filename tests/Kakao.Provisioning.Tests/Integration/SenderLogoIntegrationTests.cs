using Kakao.Provisioning.Models;

namespace Kakao.Provisioning.Tests.Integration;

/// <summary>Removing a sender's logo: the update sends <c>"logoImage": null</c> and the emulator clears it.</summary>
public class SenderLogoIntegrationTests : EmulatorFixture
{
    [Test]
    public async Task UpdateSenderAsync_ClearLogoImage_ActiveSenderLosesItsLogoOnceApproved()
    {
        var request = GuideRequest();
        await Client.CreateSenderAsync(request with { Details = request.Details with { LogoImage = "https://cdn.example.com/logo.png" } });
        await Control.ApproveAsync(ProjectId, PlusFriendId);
        await Client.RegisterSenderAsync(PlusFriendId);
        await Client.VerifySenderAsync(PlusFriendId, (await Control.OtpAsync(ProjectId, PlusFriendId))!.Value);
        Assert.That((await Client.GetSenderAsync(PlusFriendId)).Details?.LogoImage, Is.EqualTo("https://cdn.example.com/logo.png"));

        await Client.UpdateSenderAsync(PlusFriendId, new UpdateSenderRequest { ClearLogoImage = true });
        var pending = await Client.GetSenderAsync(PlusFriendId);
        await Control.ApproveAsync(ProjectId, PlusFriendId);
        var approved = await Client.GetSenderAsync(PlusFriendId);

        Assert.Multiple(() =>
        {
            Assert.That(pending.Changes?.Details?.LogoImage, Is.Null);
            Assert.That(approved.Details?.LogoImage, Is.Null);
            Assert.That(approved.Details?.Name, Is.EqualTo("Sinch Demo Shop"));
        });
    }
}
