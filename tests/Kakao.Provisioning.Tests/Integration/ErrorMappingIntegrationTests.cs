using System.Text.Json.Nodes;
using Kakao.Emulator;
using Kakao.Provisioning.Models;

namespace Kakao.Provisioning.Tests.Integration;

/// <summary>Every documented error the emulator answers arrives as a <see cref="ProvisioningApiException"/> with its code.</summary>
public class ErrorMappingIntegrationTests : EmulatorFixture
{
    private static async Task<ProvisioningApiException> FailsAsync(Func<Task> call)
    {
        try
        {
            await call();
        }
        catch (ProvisioningApiException ex)
        {
            return ex;
        }

        Assert.Fail("Expected a ProvisioningApiException.");
        throw new InvalidOperationException();
    }

    private static void AssertError(ProvisioningApiException ex, int status, string errorCode)
    {
        Assert.Multiple(() =>
        {
            Assert.That(ex.Status, Is.EqualTo(status), ex.Message);
            Assert.That(ex.ErrorCode, Is.EqualTo(errorCode), ex.Message);
            Assert.That(ex.ApiMessage, Is.Not.Null.And.Not.Empty);
            Assert.That(ex.Resolution, Is.Not.Null.And.Not.Empty);
        });
    }

    [Test]
    public async Task GetSender_Unknown_IsSenderNotFound() =>
        AssertError(await FailsAsync(() => Client.GetSenderAsync("@nobody")), 404, "sender_not_found");

    [Test]
    public async Task CreateSender_Twice_IsPlusFriendIdUsed()
    {
        await Client.CreateSenderAsync(GuideRequest());
        AssertError(await FailsAsync(() => Client.CreateSenderAsync(GuideRequest())), 409, "plus_friend_id_used");
    }

    [Test]
    public async Task CreateSender_UnknownCategoryPath_IsSenderInvalidCategoryCode() =>
        AssertError(
            await FailsAsync(() => Client.CreateSenderAsync(GuideRequest() with { Details = GuideRequest().Details with { TopLevelCategoryCode = "999" } })),
            400,
            "sender_invalid_category_code");

    [Test]
    public async Task CreateSender_GifLogo_IsFileInvalidMimeType() =>
        AssertError(
            await FailsAsync(() => Client.CreateSenderAsync(GuideRequest() with { Details = GuideRequest().Details with { LogoImage = "https://cdn.example.com/logo.gif" } })),
            400,
            "file_invalid_mime_type");

    [Test]
    public async Task SubmitDraftWithMissingFields_IsInvalidInputWithValidationErrors()
    {
        await Client.CreateSenderAsync(new CreateSenderRequest { PlusFriendId = PlusFriendId, Status = SubmitAction.Draft, Details = new SenderDetails { Name = "Only a name" } });

        var ex = await FailsAsync(() => Client.UpdateSenderAsync(PlusFriendId, new UpdateSenderRequest { Status = SubmitAction.Submit }));

        AssertError(ex, 400, "invalid_input");
        Assert.That(ex.ValidationErrors, Is.Not.Empty);
        Assert.That(string.Join(" ", ex.ValidationErrors), Does.Contain("adminPhoneNo"));
    }

    [Test]
    public async Task UpdateSender_InReview_IsSenderChangesNotUpdatable()
    {
        await Client.CreateSenderAsync(GuideRequest());
        AssertError(
            await FailsAsync(() => Client.UpdateSenderAsync(PlusFriendId, new UpdateSenderRequest { Details = new SenderDetails { Name = "x" } })),
            409,
            "sender_changes_not_updatable");
    }

    [Test]
    public async Task UpdateSender_ApprovedButNotActive_IsSenderNotUpdatable()
    {
        await Client.CreateSenderAsync(GuideRequest());
        await Control.ApproveAsync(ProjectId, PlusFriendId);
        AssertError(
            await FailsAsync(() => Client.UpdateSenderAsync(PlusFriendId, new UpdateSenderRequest { Details = new SenderDetails { Name = "x" } })),
            409,
            "sender_not_updatable");
    }

    [Test]
    public async Task UpdateSender_DraftWithNothing_IsNoFieldsToUpdate()
    {
        await Client.CreateSenderAsync(GuideRequest());
        await Control.RejectAsync(ProjectId, PlusFriendId, "no");
        AssertError(
            await FailsAsync(() => Client.UpdateSenderAsync(PlusFriendId, new UpdateSenderRequest { Status = SubmitAction.Draft })),
            400,
            "no_fields_to_update");
    }

    [Test]
    public async Task DeleteSender_Twice_IsSenderAlreadyDeleted()
    {
        await Client.CreateSenderAsync(GuideRequest());
        await Client.DeleteSenderAsync(PlusFriendId);
        AssertError(await FailsAsync(() => Client.DeleteSenderAsync(PlusFriendId)), 409, "sender_already_deleted");
    }

    [Test]
    public async Task DeleteChanges_WhenNone_IsSenderChangesNotFound()
    {
        await Client.CreateSenderAsync(GuideRequest());
        await Control.ApproveAsync(ProjectId, PlusFriendId);
        AssertError(await FailsAsync(() => Client.DeleteSenderChangesAsync(PlusFriendId)), 404, "sender_changes_not_found");
    }

    [Test]
    public async Task DeleteChanges_InReview_IsSenderChangesNotDeletable()
    {
        await Client.CreateSenderAsync(GuideRequest());
        AssertError(await FailsAsync(() => Client.DeleteSenderChangesAsync(PlusFriendId)), 409, "sender_changes_not_deletable");
    }

    [Test]
    public async Task Register_InReview_IsNotAllowedRegister()
    {
        await Client.CreateSenderAsync(GuideRequest());
        AssertError(await FailsAsync(() => Client.RegisterSenderAsync(PlusFriendId)), 409, "not_allowed_register");
    }

    [Test]
    public async Task Verify_NotVerifying_IsNotAllowedVerify()
    {
        await Client.CreateSenderAsync(GuideRequest());
        await Control.ApproveAsync(ProjectId, PlusFriendId);
        AssertError(await FailsAsync(() => Client.VerifySenderAsync(PlusFriendId, 123456)), 409, "not_allowed_verify");
    }

    [Test]
    public async Task Verify_WrongCode_IsInvalidInputAndTheCodeIsNotInTheException()
    {
        await Client.CreateSenderAsync(GuideRequest());
        await Control.ApproveAsync(ProjectId, PlusFriendId);
        await Client.RegisterSenderAsync(PlusFriendId);
        int code = (await Control.OtpAsync(ProjectId, PlusFriendId))!.Value;
        int wrong = (code + 1) % 1_000_000;

        var ex = await FailsAsync(() => Client.VerifySenderAsync(PlusFriendId, wrong));

        AssertError(ex, 400, "invalid_input");
        Assert.That(ex.ToString(), Does.Not.Contain(wrong.ToString("D6", System.Globalization.CultureInfo.InvariantCulture)));
        Assert.That((await Client.GetSenderAsync(PlusFriendId)).State, Is.EqualTo(SenderState.Verifying));
    }

    [Test]
    public async Task WrongKey_IsUnauthorizedError()
    {
        using var client = NewClient(o => o.KeySecret = "not-the-secret");
        var ex = await FailsAsync(() => client.GetSenderAsync(PlusFriendId));
        AssertError(ex, 401, "unauthorized_error");
        Assert.That(ex.ToString(), Does.Not.Contain("not-the-secret"));
    }

    [Test]
    public async Task InvalidPageToken_IsInvalidPageToken() =>
        AssertError(await FailsAsync(() => Client.ListSendersPageAsync(pageToken: "bm90LWEtdG9rZW4")), 400, "invalid_page_token");

    [Test]
    public async Task UnknownFilterState_IsInvalidFilterStatesWithSupportedCodes()
    {
        var ex = await FailsAsync(() => Client.ListSendersPageAsync(new SenderListFilter { States = [new SenderState("HIBERNATING")] }));
        AssertError(ex, 400, "invalid_filter_states");
        Assert.That(ex.AdditionalInformation["supportedCodes"].Single(), Does.Contain("VERIFYING"));
    }

    [Test]
    public async Task UnknownFilterStatus_IsInvalidFilterStatuses() =>
        AssertError(await FailsAsync(() => Client.ListSendersPageAsync(new SenderListFilter { Statuses = [new ChangesStatus("PAUSED")] })), 400, "invalid_filter_statuses");

    [Test]
    public async Task InjectedInternalError_IsInternalError()
    {
        await Control.FaultsAsync(new JsonObject { ["method"] = "GET", ["path"] = SenderPath(), ["status"] = 500, ["count"] = 1 });
        AssertError(await FailsAsync(() => Client.GetSenderAsync(PlusFriendId)), 500, "internal_error");
    }

    [Test]
    public async Task DroppedConnectionOnEveryAttempt_IsTransportError()
    {
        await Control.FaultsAsync(new JsonObject { ["method"] = "GET", ["path"] = SenderPath(), ["abort"] = true });
        using var client = NewClient(o => o.MaxRetries = 1);

        var ex = await FailsAsync(() => client.GetSenderAsync(PlusFriendId));

        Assert.That(ex.Status, Is.EqualTo(0));
        Assert.That(ex.ErrorCode, Is.EqualTo(ProvisioningApiException.TransportErrorCode));
        Assert.That(await Control.CountAsync("GET", SenderPath()), Is.EqualTo(2));
    }

    [Test]
    public async Task ProjectNotOnboarded_IsProjectNotInitialized()
    {
        await using var server = await EmulatorServer.StartAsync(new EmulatorOptions { InitializedProjectIds = ["onboarded"] });
        using var client = new ProvisioningClient(new ProvisioningClientOptions
        {
            Endpoint = server.BaseAddress,
            ProjectId = "not-onboarded",
            KeyId = "emulator-key",
            KeySecret = "emulator-secret",
        });

        AssertError(await FailsAsync(() => client.ListSenderCategoriesAsync()), 400, "project_not_initialized");
    }
}
