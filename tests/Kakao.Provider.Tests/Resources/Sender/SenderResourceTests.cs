using Kakao.Provider.Models;
using Kakao.Provider.Resources.Sender;
using Kakao.Provider.Tests.TestSupport;
using Kakao.Provisioning;
using Kakao.Provisioning.Models;
using Moq;

namespace Kakao.Provider.Tests.Resources.Sender;

public class SenderResourceTests
{
    private Mock<ProvisioningClient> _client = null!;
    private RecordingDiagnostics _diagnostics = null!;
    private SenderHandler _resource = null!;

    [SetUp]
    public void SetUp()
    {
        var (provider, client) = MockClients.Create();
        _client = client;
        _diagnostics = new RecordingDiagnostics();
        _resource = new SenderHandler(provider, _diagnostics);
        _client.Setup(c => c.ListSenderCategoriesAsync(It.IsAny<CancellationToken>())).ReturnsAsync(CategoryTree);
    }

    // The sample triple 019 > 0006 > 0001 and one neighbour.
    private static readonly IReadOnlyList<SenderCategory> CategoryTree =
    [
        new SenderCategory
        {
            Code = "019", Name = "Shopping", Depth = 1,
            Subcategories =
            [
                new SenderCategory
                {
                    Code = "0006", Name = "Online", Depth = 2, ParentCode = "019",
                    Subcategories = [new SenderCategory { Code = "0001", Name = "General", Depth = 3, ParentCode = "0006" }],
                },
            ],
        },
    ];

    [TestCase("020", "0006", "0001", "topLevelCategoryCode")]
    [TestCase("019", "0007", "0001", "midLevelCategoryCode")]
    [TestCase("019", "0006", "0002", "subLevelCategoryCode")]
    public void CreateAsync_PreviewWithTripleNotInTheTree_FailsNamingTheCode(string top, string mid, string sub, string property)
    {
        var inputs = Samples.CheckedInputs()
            .With(SenderProperties.TopLevelCategoryCode, Samples.S(top))
            .With(SenderProperties.MidLevelCategoryCode, Samples.S(mid))
            .With(SenderProperties.SubLevelCategoryCode, Samples.S(sub));

        var ex = Assert.ThrowsAsync<InvalidInputException>(() => _resource.CreateAsync(inputs, preview: true, Samples.Urn, CancellationToken.None));
        Assert.That(ex!.Message, Does.StartWith(property).And.Contain("getSenderCategories"));
    }

    [Test]
    public async Task UpdateAsync_PreviewWhenTheTreeCannotBeRead_PassesAndLeavesTheCheckToTheApi()
    {
        _client.Setup(c => c.ListSenderCategoriesAsync(It.IsAny<CancellationToken>())).ThrowsAsync(MockClients.ApiError(503, "unavailable"));
        var inputs = Samples.CheckedInputs().With(SenderProperties.SubLevelCategoryCode, Samples.S("0009"));

        var outputs = await _resource.UpdateAsync(Samples.PlusFriendId, Samples.CheckedInputs(), inputs, preview: true, Samples.Urn, CancellationToken.None);

        Assert.That(outputs[SenderProperties.SubLevelCategoryCode], Is.EqualTo(Samples.S("0009")));
    }

    [TestCase("..")]
    [TestCase(".")]
    [TestCase("%2e%2e")]
    [TestCase("@a/../b")]
    public void ReadAndDelete_IdLeavingItsPathSegment_AreInvalidInputAndCallNoApi(string id)
    {
        Assert.Multiple(() =>
        {
            Assert.That(Assert.ThrowsAsync<InvalidInputException>(() => _resource.ReadAsync(id, PropertyMap.Empty, PropertyMap.Empty, Samples.Urn, CancellationToken.None))!.Message, Does.Contain("plusFriendId"));
            Assert.That(Assert.ThrowsAsync<InvalidInputException>(() => _resource.DeleteAsync(id, PropertyMap.Empty, PropertyMap.Empty, CancellationToken.None))!.Message, Does.Contain("plusFriendId"));
            Assert.That(Assert.ThrowsAsync<InvalidInputException>(() => _resource.UpdateAsync(id, Samples.CheckedInputs(), Samples.CheckedInputs(), preview: false, Samples.Urn, CancellationToken.None))!.Message, Does.Contain("plusFriendId"));
        });
        _client.VerifyNoOtherCalls();
    }

    [Test]
    public void DeleteAsync_ProjectIdInStateLeavingItsSegment_IsInvalidInputNamingProjectId()
    {
        var olds = PropertyMap.Empty.With(SenderProperties.ProjectId, Samples.S(".."));
        var ex = Assert.ThrowsAsync<InvalidInputException>(() => _resource.DeleteAsync(Samples.PlusFriendId, olds, PropertyMap.Empty, CancellationToken.None));
        Assert.That(ex!.Message, Does.StartWith("projectId"));
        _client.VerifyNoOtherCalls();
    }

    private void SetupDescribe(KakaoSender sender, params SenderActivity[] activities) =>
        _client.Setup(c => c.DescribeSenderAsync(Samples.PlusFriendId, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new SenderSnapshot(sender, activities));

    [Test]
    public async Task CreateAsync_Preview_CallsNoApiAndReturnsUnknownsWithEmptyId()
    {
        var (id, outputs) = await _resource.CreateAsync(Samples.CheckedInputs(), preview: true, Samples.Urn, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(id, Is.Empty);
            Assert.That(outputs[SenderProperties.Status].IsComputed, Is.True);
            Assert.That(outputs[SenderProperties.SenderId].IsComputed, Is.True);
            Assert.That(outputs[SenderProperties.Name], Is.EqualTo(Samples.S(Samples.Name)));
            Assert.That(outputs[SenderProperties.AdminPhoneNo].IsSecret, Is.True);
        });

        // Preview reads the category tree (read-only) to check the triple, and nothing else.
        _client.Verify(c => c.ListSenderCategoriesAsync(It.IsAny<CancellationToken>()), Times.AtMostOnce());
        _client.VerifyNoOtherCalls();
    }

    [Test]
    public async Task CreateAsync_PreviewWithOutputValueInputs_ReturnsPlainSecretOrUnknownValues()
    {
        var inputs = Samples.CheckedInputs()
            .With(SenderProperties.Name, PropertyValue.Output(Samples.S(Samples.Name), secret: true, ["urn:a"]))
            .With(SenderProperties.LogoImage, PropertyValue.Output(null, secret: false, ["urn:b"]));

        var (_, outputs) = await _resource.CreateAsync(inputs, preview: true, Samples.Urn, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(outputs[SenderProperties.Name], Is.EqualTo(Samples.Secret(Samples.Name)));
            Assert.That(outputs[SenderProperties.LogoImage], Is.EqualTo(PropertyValue.Computed()));
        });
    }

    [Test]
    public async Task CreateAsync_Submit_CreatesWithSubmitAndReadsBack()
    {
        CreateSenderRequest? sent = null;
        _client.Setup(c => c.CreateSenderAsync(It.IsAny<CreateSenderRequest>(), It.IsAny<CancellationToken>()))
            .Callback<CreateSenderRequest, CancellationToken>((r, _) => sent = r)
            .ReturnsAsync(Samples.InReview());
        SetupDescribe(Samples.InReview());

        var (id, outputs) = await _resource.CreateAsync(Samples.CheckedInputs(), preview: false, Samples.Urn, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(id, Is.EqualTo(Samples.PlusFriendId));
            Assert.That(sent!.Status, Is.EqualTo(SubmitAction.Submit));
            Assert.That(sent.Details.AdminPhoneNo, Is.EqualTo(Samples.AdminPhoneNo));
            Assert.That(outputs[SenderProperties.Status], Is.EqualTo(Samples.S("IN_PROGRESS")));
            Assert.That(outputs[SenderProperties.ChangesStatus], Is.EqualTo(Samples.S("IN_PROGRESS")));
            Assert.That(outputs[SenderProperties.ProjectId], Is.EqualTo(Samples.S(Samples.ProjectId)));
            Assert.That(outputs[SenderProperties.SenderId], Is.EqualTo(Samples.S("0b6c2f34-8d0e-4f4b-9a51-1f2e3d4c5b6a")));
            Assert.That(outputs[SenderProperties.Created], Is.EqualTo(Samples.S("2026-01-31T09:30:00Z")));
            Assert.That(outputs[SenderProperties.AdminPhoneNo], Is.EqualTo(Samples.Secret(Samples.AdminPhoneNo)));
            Assert.That(_diagnostics.Messages.Any(m => m.Message.Contains("waiting for review", StringComparison.Ordinal) && m.Urn == Samples.Urn), Is.True);
        });
    }

    [Test]
    public async Task CreateAsync_SubmitFalse_CreatesDraft()
    {
        CreateSenderRequest? sent = null;
        var draft = Samples.InReview() with { Changes = new SenderChanges { Status = ChangesStatus.Draft, Details = Samples.Details() } };
        _client.Setup(c => c.CreateSenderAsync(It.IsAny<CreateSenderRequest>(), It.IsAny<CancellationToken>()))
            .Callback<CreateSenderRequest, CancellationToken>((r, _) => sent = r)
            .ReturnsAsync(draft);
        SetupDescribe(draft);

        var (_, outputs) = await _resource.CreateAsync(
            Samples.CheckedInputs().With(SenderProperties.Submit, PropertyValue.Create(false)), preview: false, Samples.Urn, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(sent!.Status, Is.EqualTo(SubmitAction.Draft));
            Assert.That(outputs[SenderProperties.Status], Is.EqualTo(Samples.S("DRAFT")));
            Assert.That(outputs[SenderProperties.Submit], Is.EqualTo(PropertyValue.Create(false)));
        });
    }

    [Test]
    public void CreateAsync_PlusFriendIdTaken_FailsWithImportHint()
    {
        _client.Setup(c => c.CreateSenderAsync(It.IsAny<CreateSenderRequest>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(MockClients.ApiError(409, "plus_friend_id_used"));

        var error = Assert.ThrowsAsync<ObjectAlreadyExistsException>(() =>
            _resource.CreateAsync(Samples.CheckedInputs(), preview: false, Samples.Urn, CancellationToken.None));

        Assert.That(error!.Message, Does.Contain("pulumi import kakao:index:KakaoSender").And.Contain(Samples.PlusFriendId));
    }

    [Test]
    public void CreateAsync_ReadBackFails_ReportsInitFailureWithId()
    {
        _client.Setup(c => c.CreateSenderAsync(It.IsAny<CreateSenderRequest>(), It.IsAny<CancellationToken>())).ReturnsAsync(Samples.InReview());
        _client.Setup(c => c.DescribeSenderAsync(Samples.PlusFriendId, It.IsAny<CancellationToken>()))
            .ThrowsAsync(MockClients.ApiError(503, "internal_error"));

        var error = Assert.ThrowsAsync<ResourceInitFailedException>(() =>
            _resource.CreateAsync(Samples.CheckedInputs(), preview: false, Samples.Urn, CancellationToken.None));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Id, Is.EqualTo(Samples.PlusFriendId));
            Assert.That(error.Properties[SenderProperties.Status], Is.EqualTo(Samples.S("IN_PROGRESS")));
            Assert.That(error.Properties[SenderProperties.AdminPhoneNo].IsSecret, Is.True);
            Assert.That(error.Inputs, Is.EqualTo(Samples.CheckedInputs()));
            Assert.That(error.InnerException, Is.TypeOf<ProvisioningApiException>());
        });
    }

    [Test]
    public void CreateAsync_UnknownInputOutsidePreview_IsInvalidArgument()
    {
        var inputs = Samples.CheckedInputs().With(SenderProperties.Name, PropertyValue.Computed());

        Assert.ThrowsAsync<InvalidInputException>(() => _resource.CreateAsync(inputs, preview: false, Samples.Urn, CancellationToken.None));
    }

    [Test]
    public async Task ReadAsync_Gone_ReturnsNull()
    {
        _client.Setup(c => c.DescribeSenderAsync(Samples.PlusFriendId, It.IsAny<CancellationToken>())).ReturnsAsync((SenderSnapshot?)null);

        var result = await _resource.ReadAsync(Samples.PlusFriendId, PropertyMap.Empty, PropertyMap.Empty, Samples.Urn, CancellationToken.None);

        Assert.That(result, Is.Null);
    }

    [Test]
    public async Task ReadAsync_Import_InputsEqualCheckedInputsSoDiffIsEmpty()
    {
        var sender = Samples.Approved() with { Details = Samples.Details() with { AdminPhoneNo = "+48 777 777 777" } };
        SetupDescribe(sender);

        var result = await _resource.ReadAsync(Samples.PlusFriendId, PropertyMap.Empty, PropertyMap.Empty, Samples.Urn, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(result!.Value.Inputs, Is.EqualTo(Samples.CheckedInputs()));
            Assert.That(SenderDiff.Diff(result.Value.Outputs, Samples.CheckedInputs(), result.Value.Inputs).Changes, Is.EqualTo(DiffChanges.None));
            Assert.That(result.Value.Outputs[SenderProperties.Status], Is.EqualTo(Samples.S("PENDING_VERIFICATION")));
        });
    }

    [Test]
    public async Task ReadAsync_Rejected_ShowsCommentAndWarns()
    {
        SetupDescribe(Samples.Rejected(), new SenderActivity { Type = ActivityType.Rejected, Comment = "Logo does not match the channel." });

        var result = await _resource.ReadAsync(Samples.PlusFriendId, PropertyMap.Empty, Samples.CheckedInputs(), Samples.Urn, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(result!.Value.Outputs[SenderProperties.Status], Is.EqualTo(Samples.S("REJECTED")));
            Assert.That(result.Value.Outputs[SenderProperties.RejectionComment], Is.EqualTo(Samples.S("Logo does not match the channel.")));
            Assert.That(_diagnostics.Messages.Any(m => m.Severity == DiagnosticSeverity.Warning && m.Message.Contains("Logo does not match", StringComparison.Ordinal)), Is.True);
        });
    }

    [Test]
    public async Task ReadAsync_Refresh_KeepsProjectOverrideAndUserSecrets()
    {
        var project = new Mock<ProvisioningClient>(MockBehavior.Strict);
        project.SetupGet(c => c.ProjectId).Returns("project-2");
        project.Setup(c => c.DescribeSenderAsync(Samples.PlusFriendId, It.IsAny<CancellationToken>())).ReturnsAsync(new SenderSnapshot(Samples.InReview(), []));
        _client.Setup(c => c.ForProject("project-2")).Returns(project.Object);
        var oldInputs = Samples.CheckedInputs()
            .With(SenderProperties.ProjectId, Samples.S("project-2"))
            .With(SenderProperties.Name, Samples.Secret(Samples.Name));

        var result = await _resource.ReadAsync(Samples.PlusFriendId, PropertyMap.Empty, oldInputs, Samples.Urn, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(result!.Value.Inputs, Is.EqualTo(oldInputs));
            Assert.That(result.Value.Outputs[SenderProperties.Name].IsSecret, Is.True);
            Assert.That(result.Value.Outputs[SenderProperties.ProjectId], Is.EqualTo(Samples.S("project-2")));
        });
    }

    [Test]
    public async Task UpdateAsync_Changes_PatchesWithSubmitAndReadsBack()
    {
        UpdateSenderRequest? sent = null;
        _client.Setup(c => c.UpdateSenderAsync(Samples.PlusFriendId, It.IsAny<UpdateSenderRequest>(), It.IsAny<CancellationToken>()))
            .Callback<string, UpdateSenderRequest, CancellationToken>((_, r, _) => sent = r)
            .ReturnsAsync(Samples.InReview("New Name"));
        SetupDescribe(Samples.InReview("New Name"));
        var news = Samples.CheckedInputs().With(SenderProperties.Name, Samples.S("New Name"));

        var outputs = await _resource.UpdateAsync(Samples.PlusFriendId, PropertyMap.Empty, news, preview: false, Samples.Urn, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(sent!.Status, Is.EqualTo(SubmitAction.Submit));
            Assert.That(sent.Details!.Name, Is.EqualTo("New Name"));
            Assert.That(outputs[SenderProperties.Name], Is.EqualTo(Samples.S("New Name")));
        });
    }

    [Test]
    public void UpdateAsync_SenderNotUpdatable_ExplainsWhenEditsAreAccepted()
    {
        _client.Setup(c => c.UpdateSenderAsync(Samples.PlusFriendId, It.IsAny<UpdateSenderRequest>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(MockClients.ApiError(409, "sender_not_updatable"));
        var olds = Samples.CheckedInputs().With(SenderProperties.Status, Samples.S("PENDING_VERIFICATION"));

        var error = Assert.ThrowsAsync<ObjectNotUpdatableException>(() =>
            _resource.UpdateAsync(Samples.PlusFriendId, olds, Samples.CheckedInputs(), preview: false, Samples.Urn, CancellationToken.None));

        Assert.That(error!.Message, Does.Contain("PENDING_VERIFICATION").And.Contain("DRAFT or REJECTED, or once the sender is ACTIVE").And.Contain("names only DRAFT"));
    }

    [Test]
    public async Task UpdateAsync_Preview_CallsNoApiAndKeepsIdentity()
    {
        var olds = Samples.CheckedInputs()
            .With(SenderProperties.SenderId, Samples.S("id-1"))
            .With(SenderProperties.Status, Samples.S("REJECTED"))
            .With(SenderProperties.ProjectId, Samples.S(Samples.ProjectId));

        var outputs = await _resource.UpdateAsync(Samples.PlusFriendId, olds, Samples.CheckedInputs(), preview: true, Samples.Urn, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(outputs[SenderProperties.SenderId], Is.EqualTo(Samples.S("id-1")));
            Assert.That(outputs[SenderProperties.Status].IsComputed, Is.True);
            Assert.That(outputs[SenderProperties.ProjectId], Is.EqualTo(Samples.S(Samples.ProjectId)));
        });
        _client.Verify(c => c.ListSenderCategoriesAsync(It.IsAny<CancellationToken>()), Times.AtMostOnce());
        _client.VerifyNoOtherCalls();
    }

    [TestCase(404, "sender_not_found")]
    [TestCase(409, "sender_already_deleted")]
    public void DeleteAsync_AlreadyGone_Succeeds(int status, string code)
    {
        _client.Setup(c => c.DeleteSenderAsync(Samples.PlusFriendId, It.IsAny<CancellationToken>())).ThrowsAsync(MockClients.ApiError(status, code));

        Assert.DoesNotThrowAsync(() => _resource.DeleteAsync(Samples.PlusFriendId, PropertyMap.Empty, PropertyMap.Empty, CancellationToken.None));
    }

    [Test]
    public void DeleteAsync_OtherConflict_Propagates()
    {
        _client.Setup(c => c.DeleteSenderAsync(Samples.PlusFriendId, It.IsAny<CancellationToken>())).ThrowsAsync(MockClients.ApiError(409, "sender_not_deletable"));

        Assert.ThrowsAsync<ProvisioningApiException>(() => _resource.DeleteAsync(Samples.PlusFriendId, PropertyMap.Empty, PropertyMap.Empty, CancellationToken.None));
    }

    [Test]
    public async Task DeleteAsync_Exists_DeletesInItsProject()
    {
        _client.Setup(c => c.DeleteSenderAsync(Samples.PlusFriendId, It.IsAny<CancellationToken>())).Returns(Task.CompletedTask);

        await _resource.DeleteAsync(Samples.PlusFriendId, Samples.CheckedInputs(), PropertyMap.Empty, CancellationToken.None);

        _client.Verify(c => c.DeleteSenderAsync(Samples.PlusFriendId, It.IsAny<CancellationToken>()), Times.Once);
    }
}
