using Kakao.Provider.Models;
using Kakao.Provider.Resources.Template;
using Kakao.Provider.Tests.TestSupport;
using Kakao.Provider.Typed;
using Kakao.Provisioning;
using Kakao.Provisioning.Models;
using Moq;

namespace Kakao.Provider.Tests.Resources.Template;

/// <summary>The template resource through the typed layer, against a mocked client.</summary>
public class TemplateResourceTests
{
    private const string Sender = "@sinch-demo";
    private const string Code = "S7yFqaKqJ8tsnBZH2CEd";
    private static readonly string Id = $"{Sender}/{Code}";

    private Mock<ProvisioningClient> _client = null!;
    private RecordingDiagnostics _diagnostics = null!;
    private ResourceHandler<TemplateInputs, TemplateOutputs> _resource = null!;

    [SetUp]
    public void SetUp()
    {
        var (provider, client) = MockClients.Create();
        _client = client;
        _diagnostics = new RecordingDiagnostics();
        _resource = new ResourceHandler<TemplateInputs, TemplateOutputs>(new TemplateResource(provider, _diagnostics));
    }

    private static TemplateInputs Inputs(Func<TemplateInputs, TemplateInputs>? change = null)
    {
        var inputs = new TemplateInputs
        {
            PlusFriendId = Sender,
            Name = "order-shipped",
            Language = "KO",
            Content = "#{customer}님, 주문 #{orderNo}이(가) 발송되었습니다.",
            Buttons = [new TemplateButtonArgs { Type = TemplateButtonKind.WebLink, Name = "배송 조회", LinkMo = "https://shop.example.com/t" }],
        };
        return change is null ? inputs : change(inputs);
    }

    private static PropertyMap Map<T>(T record) where T : class, IPropertyRecord<T> => PropertyWriter.Write(record);

    private static KakaoTemplate Template(string? state = null, string? changes = "IN_PROGRESS", string content = "#{customer}님, 주문 #{orderNo}이(가) 발송되었습니다.")
    {
        var details = new TemplateDetails
        {
            Name = "order-shipped",
            Language = TemplateLanguage.Korean,
            Content = content,
            MessageType = TemplateMessageType.Basic,
            EmphasizeType = EmphasizeType.None,
            CategoryCode = "999999",
            SecurityFlag = false,
            Buttons = [new TemplateButton { Ordering = 1, Type = ButtonType.WebLink, Name = "배송 조회", LinkMo = "https://shop.example.com/t" }],
        };
        return new KakaoTemplate
        {
            Id = "0d7e9a4c-3c57-4f57-9a1f-1e0b8f6b2a10",
            Code = Code,
            State = state is null ? (TemplateState?)null : new TemplateState(state),
            Details = state is null ? null : details,
            Changes = changes is null ? null : new TemplateChanges { Status = changes, Details = details },
        };
    }

    private void Describes(KakaoTemplate template, params TemplateActivity[] activities) =>
        _client.Setup(c => c.DescribeTemplateAsync(Sender, template.Code, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new TemplateSnapshot(Sender, template, activities));

    private IReadOnlyList<CheckFailure> Failures(TemplateInputs inputs) => _resource.Check(Map(inputs)).Failures;

    [Test]
    public void Check_ValidInputs_HasNoFailuresAndFillsTheDefaults()
    {
        var result = _resource.Check(Map(Inputs()));

        Assert.Multiple(() =>
        {
            Assert.That(result.Failures, Is.Empty);
            Assert.That(result.Inputs[TemplateInputs.WireNames.CategoryCode], Is.EqualTo(PropertyValue.Create("999999")));
            Assert.That(result.Inputs[TemplateInputs.WireNames.Submit], Is.EqualTo(PropertyValue.Create(true)));
        });
    }

    [Test]
    public void Check_SinchLimits_NameTheProperty()
    {
        var failures = Failures(Inputs(i => i with { Name = new string('n', 151), Language = "ko", CategoryCode = "12345", ImageUrl = "ftp://x/y.png" }));

        Assert.That(failures.Select(f => f.Property), Is.SupersetOf(new[] { "name", "language", "categoryCode", "imageUrl" }));
    }

    [Test]
    public void Check_KakaoRules_NameTheProperty()
    {
        var failures = Failures(Inputs(i => i with
        {
            EmphasizeType = TemplateEmphasis.Text,
            MessageType = TemplateMessageKind.ExtraInformation,
            Content = "#{customer}님 #{unclosed",
            Buttons =
            [
                new TemplateButtonArgs { Type = TemplateButtonKind.WebLink, Name = "열기" },
                new TemplateButtonArgs { Type = TemplateButtonKind.AppLink, Name = "앱", SchemeIos = "shop://o" },
                new TemplateButtonArgs { Type = TemplateButtonKind.AppLink, Name = "앱2", SchemeIos = "shop://o", SchemeAndroid = "shop://o" },
                new TemplateButtonArgs { Type = TemplateButtonKind.ChannelIdAdded, Name = "채널 추가" },
            ],
        }));

        Assert.That(failures.Select(f => f.Property), Is.SupersetOf(new[]
        {
            "title", "subtitle", "extra", "content", "buttons[0].linkMo", "buttons[1].schemeAndroid", "buttons[2].type", "buttons[3].type",
        }));
    }

    [Test]
    public void Check_AdIncludedWithoutTheChannelButtonFirst_Fails()
    {
        var failures = Failures(Inputs(i => i with { MessageType = TemplateMessageKind.AdIncluded }));

        Assert.That(failures.Single().Property, Is.EqualTo("buttons"));
        Assert.That(failures.Single().Reason, Does.Contain("CHANNEL_ID_ADDED"));
    }

    [Test]
    public void Check_SixButtons_Fails()
    {
        var kinds = new[] { TemplateButtonKind.DeliverySearch, TemplateButtonKind.BotKeyword, TemplateButtonKind.MessageDelivery, TemplateButtonKind.BotTransfer, TemplateButtonKind.BotForConsultation, TemplateButtonKind.BusinessForm };

        var failures = Failures(Inputs(i => i with { Buttons = [.. kinds.Select(k => new TemplateButtonArgs { Type = k, Name = "b" })] }));

        Assert.That(failures.Select(f => f.Property), Does.Contain("buttons"));
    }

    [Test]
    public void Check_UnknownValue_WaitsForIt()
    {
        var map = Map(Inputs(i => i with { EmphasizeType = TemplateEmphasis.Text, Subtitle = "s" })).With(TemplateInputs.WireNames.Title, PropertyValue.Computed());

        Assert.That(_resource.Check(map).Failures, Is.Empty);
    }

    [Test]
    public async Task CreateAsync_Submits_ReturnsIdAndOutputsWithVariables()
    {
        CreateTemplateRequest? sent = null;
        _client.Setup(c => c.CreateTemplateAsync(Sender, It.IsAny<CreateTemplateRequest>(), It.IsAny<CancellationToken>()))
            .Callback((string _, CreateTemplateRequest r, CancellationToken _) => sent = r)
            .ReturnsAsync(Template());
        Describes(Template());

        var (id, outputs) = await _resource.CreateAsync(new CreateCall(_resource.Check(Map(Inputs())).Inputs, false, "urn"), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(id, Is.EqualTo(Id));
            Assert.That(sent!.Status, Is.EqualTo(SubmitAction.Submit));
            Assert.That(sent.Details.Language, Is.EqualTo(TemplateLanguage.Korean));
            Assert.That(sent.Details.Buttons![0].Ordering, Is.EqualTo(1));
            Assert.That(outputs[TemplateOutputs.WireNames.Status], Is.EqualTo(PropertyValue.Create("IN_PROGRESS")));
            Assert.That(outputs[TemplateOutputs.WireNames.Code], Is.EqualTo(PropertyValue.Create(Code)));
            Assert.That(outputs[TemplateOutputs.WireNames.Variables], Is.EqualTo(PropertyValue.Create([PropertyValue.Create("customer"), PropertyValue.Create("orderNo")])));
        });
    }

    [Test]
    public void CreateAsync_KakaoRefusesAndKeepsADraft_RecordsTheDraftAsInitFailed()
    {
        _client.Setup(c => c.CreateTemplateAsync(Sender, It.IsAny<CreateTemplateRequest>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new ProvisioningApiException(424, SinchErrorCodes.TemplateKakaotalkValidationError, "Template kakaoTalk validation error: WEB_LINK needs linkMo",
                additionalInformation: new Dictionary<string, IReadOnlyList<string>> { ["templateCode"] = [Code] }));
        Describes(Template(changes: "DRAFT"));

        var error = Assert.ThrowsAsync<ResourceInitFailedException>(() =>
            _resource.CreateAsync(new CreateCall(_resource.Check(Map(Inputs(i => i with { SaveDraftOnFailure = true }))).Inputs, false, "urn"), CancellationToken.None));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Id, Is.EqualTo(Id));
            Assert.That(error.Properties[TemplateOutputs.WireNames.Status], Is.EqualTo(PropertyValue.Create("DRAFT")));
            Assert.That(error.Reasons.Single(), Does.Contain("WEB_LINK needs linkMo").And.Contain("draft"));
        });
    }

    [Test]
    public void CreateAsync_SenderNotActive_NamesItsStatusAndKakaoVerify()
    {
        _client.Setup(c => c.CreateTemplateAsync(Sender, It.IsAny<CreateTemplateRequest>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(MockClients.ApiError(409, "sender_not_active"));
        _client.Setup(c => c.DescribeSenderAsync(Sender, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new SenderSnapshot(new KakaoSender { PlusFriendId = Sender, State = SenderState.Inactive }, []));

        var error = Assert.ThrowsAsync<ObjectNotUpdatableException>(() =>
            _resource.CreateAsync(new CreateCall(_resource.Check(Map(Inputs())).Inputs, false, "urn"), CancellationToken.None));

        Assert.That(error!.Message, Does.Contain("PENDING_VERIFICATION").And.Contain("kakao verify"));
    }

    [Test]
    public void CreateAsync_NameTaken_SuggestsTheImport()
    {
        _client.Setup(c => c.CreateTemplateAsync(Sender, It.IsAny<CreateTemplateRequest>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(MockClients.ApiError(409, SinchErrorCodes.TemplateExists));
        _client.Setup(c => c.FindTemplateByNameAsync(Sender, "order-shipped", It.IsAny<CancellationToken>())).ReturnsAsync(Template("APPROVED", null));

        var error = Assert.ThrowsAsync<ObjectAlreadyExistsException>(() =>
            _resource.CreateAsync(new CreateCall(_resource.Check(Map(Inputs())).Inputs, false, "urn"), CancellationToken.None));

        Assert.That(error!.Message, Does.Contain($"pulumi import kakao:index:KakaoTemplate <name> {Id}"));
    }

    [Test]
    public void CreateAsync_CancelledAfterThePostReachedSinch_KeepsTheTemplate()
    {
        _client.Setup(c => c.CreateTemplateAsync(Sender, It.IsAny<CreateTemplateRequest>(), It.IsAny<CancellationToken>())).ThrowsAsync(new OperationCanceledException());
        _client.Setup(c => c.FindTemplateByNameAsync(Sender, "order-shipped", It.IsAny<CancellationToken>())).ReturnsAsync(Template());
        Describes(Template());

        var error = Assert.ThrowsAsync<ResourceInitFailedException>(() =>
            _resource.CreateAsync(new CreateCall(_resource.Check(Map(Inputs())).Inputs, false, "urn"), CancellationToken.None));

        Assert.That(error!.Id, Is.EqualTo(Id));
    }

    [Test]
    public void CreateAsync_UnknownOutcomeAndLookupFails_KeepsItUnderItsName()
    {
        _client.Setup(c => c.CreateTemplateAsync(Sender, It.IsAny<CreateTemplateRequest>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new ProvisioningApiException(0, ProvisioningApiException.TransportErrorCode, "no answer") { OutcomeUnknown = true });
        _client.Setup(c => c.FindTemplateByNameAsync(Sender, "order-shipped", It.IsAny<CancellationToken>())).ThrowsAsync(MockClients.ApiError(503, "internal_error"));

        var error = Assert.ThrowsAsync<ResourceInitFailedException>(() =>
            _resource.CreateAsync(new CreateCall(_resource.Check(Map(Inputs())).Inputs, false, "urn"), CancellationToken.None));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Id, Is.EqualTo($"{Sender}/"));
            Assert.That(error.Properties[TemplateOutputs.WireNames.Status], Is.EqualTo(PropertyValue.Create("UNKNOWN")));
        });
    }

    [Test]
    public async Task ReadAsync_Import_GivesInputsThatDiffToNothing()
    {
        Describes(Template("APPROVED", null));

        var read = await _resource.ReadAsync(new ReadCall(Id, PropertyMap.Empty, PropertyMap.Empty, "urn"), CancellationToken.None);
        var declared = _resource.Check(Map(Inputs())).Inputs;
        var diff = _resource.Diff(new DiffCall(Id, read!.Value.Outputs, declared, read.Value.Inputs, null));

        Assert.Multiple(() =>
        {
            Assert.That(read.Value.Outputs[TemplateOutputs.WireNames.Status], Is.EqualTo(PropertyValue.Create("APPROVED")));
            Assert.That(diff.Changes, Is.EqualTo(DiffChanges.None), string.Join(", ", diff.ChangedKeys));
        });
    }

    [Test]
    public async Task ReadAsync_RejectedWithAReason_ShowsTheComment()
    {
        Describes(Template("REJECTED", null), new TemplateActivity { Type = ActivityType.Rejected, Comment = "버튼 이름이 모호합니다" });

        var read = await _resource.ReadAsync(new ReadCall(Id, PropertyMap.Empty, PropertyMap.Empty, "urn"), CancellationToken.None);

        Assert.That(read!.Value.Outputs[TemplateOutputs.WireNames.Comment], Is.EqualTo(PropertyValue.Create("버튼 이름이 모호합니다")));
        Assert.That(_diagnostics.Messages.Select(m => m.Message), Has.Some.Contains("rejected"));
    }

    [Test]
    public async Task ReadAsync_DeletedElsewhereOrSenderGone_DropsOut()
    {
        _client.Setup(c => c.DescribeTemplateAsync(Sender, Code, It.IsAny<CancellationToken>())).ReturnsAsync((TemplateSnapshot?)null);
        _client.Setup(c => c.DescribeTemplateAsync(Sender, "GONE", It.IsAny<CancellationToken>())).ThrowsAsync(MockClients.ApiError(404, SinchErrorCodes.SenderNotFound));

        Assert.Multiple(async () =>
        {
            Assert.That(await _resource.ReadAsync(new ReadCall(Id, PropertyMap.Empty, PropertyMap.Empty, "urn"), CancellationToken.None), Is.Null);
            Assert.That(await _resource.ReadAsync(new ReadCall($"{Sender}/GONE", PropertyMap.Empty, PropertyMap.Empty, "urn"), CancellationToken.None), Is.Null);
        });
    }

    [Test]
    public void ReadAsync_MalformedId_IsBadInput() =>
        Assert.ThrowsAsync<InvalidInputException>(() => _resource.ReadAsync(new ReadCall("no-slash", PropertyMap.Empty, PropertyMap.Empty, "urn"), CancellationToken.None));

    private TemplateOutputs Outputs(string? state, string? changes) =>
        TemplateSnapshots.Read(new TemplateSnapshot(Sender, Template(state, changes), []), Samples.ProjectId, null, false).Outputs;

    [Test]
    public void Diff_LanguageOrSender_ReplacesDeletingFirst()
    {
        var old = Outputs("APPROVED", null);

        var diff = _resource.Diff(new DiffCall(Id, Map(old), _resource.Check(Map(Inputs(i => i with { Language = "EN" }))).Inputs, Map((TemplateInputs)old), null));

        Assert.Multiple(() =>
        {
            Assert.That(diff.Replaces, Is.EqualTo(new[] { "language" }));
            Assert.That(diff.DeleteBeforeReplace, Is.True, "names are unique per sender");
        });
    }

    [Test]
    public void Diff_ContentChange_Updates()
    {
        var old = Outputs("APPROVED", null);

        var diff = _resource.Diff(new DiffCall(Id, Map(old), _resource.Check(Map(Inputs(i => i with { Content = "새 본문" }))).Inputs, Map((TemplateInputs)old), null));

        Assert.Multiple(() =>
        {
            Assert.That(diff.Changes, Is.EqualTo(DiffChanges.Some));
            Assert.That(diff.Replaces, Is.Empty);
            Assert.That(diff.DetailedDiff.Keys, Is.EqualTo(new[] { "content" }));
        });
    }

    [Test]
    public void Diff_OnlySaveDraftOnFailureOrAnExplicitDefault_IsNoChange()
    {
        var old = Outputs("APPROVED", null);
        var news = _resource.Check(Map(Inputs(i => i with { SaveDraftOnFailure = true, MessageType = TemplateMessageKind.Basic }))).Inputs;

        var diff = _resource.Diff(new DiffCall(Id, Map(old), news, Map((TemplateInputs)old with { MessageType = null }), null));

        Assert.That(diff.Changes, Is.EqualTo(DiffChanges.None), string.Join(", ", diff.ChangedKeys));
    }

    [Test]
    public void Diff_EditWhileKakaoInspects_StopsThePreviewSayingWhatToWaitFor()
    {
        var old = Outputs(null, "IN_PROGRESS");

        var error = Assert.Throws<ObjectNotUpdatableException>(() =>
            _resource.Diff(new DiffCall(Id, Map(old), _resource.Check(Map(Inputs(i => i with { Content = "새 본문" }))).Inputs, Map((TemplateInputs)old), null)));

        Assert.That(error!.Message, Does.Contain("inspecting").And.Contain("pulumi refresh"));
    }

    [Test]
    public async Task UpdateAsync_Approved_PatchesWithoutLanguageAndClearsDroppedFields()
    {
        var old = Outputs("APPROVED", null) with { Title = "old title" };
        _client.Setup(c => c.GetTemplateAsync(Sender, Code, It.IsAny<CancellationToken>())).ReturnsAsync(Template("APPROVED", null));
        UpdateTemplateRequest? sent = null;
        _client.Setup(c => c.UpdateTemplateAsync(Sender, Code, It.IsAny<UpdateTemplateRequest>(), It.IsAny<CancellationToken>()))
            .Callback((string _, string _, UpdateTemplateRequest r, CancellationToken _) => sent = r)
            .ReturnsAsync(Template("APPROVED", "IN_PROGRESS", "새 본문"));
        Describes(Template("APPROVED", "IN_PROGRESS", "새 본문"));

        var outputs = await _resource.UpdateAsync(new UpdateCall(Id, Map(old), _resource.Check(Map(Inputs(i => i with { Content = "새 본문" }))).Inputs, false, "urn"), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(sent!.Status, Is.EqualTo(SubmitAction.Submit));
            Assert.That(sent.Details!.Language, Is.Null);
            Assert.That(sent.Clear, Is.EqualTo(TemplateClearableFields.Title));
            Assert.That(outputs[TemplateOutputs.WireNames.Status], Is.EqualTo(PropertyValue.Create("APPROVED_CHANGES_IN_PROGRESS")));
        });
    }

    [Test]
    public void UpdateAsync_LiveTemplateUnderInspection_SendsNoPatch()
    {
        _client.Setup(c => c.GetTemplateAsync(Sender, Code, It.IsAny<CancellationToken>())).ReturnsAsync(Template(null, "IN_PROGRESS"));

        var error = Assert.ThrowsAsync<ObjectNotUpdatableException>(() =>
            _resource.UpdateAsync(new UpdateCall(Id, Map(Outputs("APPROVED", null)), _resource.Check(Map(Inputs())).Inputs, false, "urn"), CancellationToken.None));

        Assert.That(error!.Message, Does.Contain("inspecting"));
        _client.Verify(c => c.UpdateTemplateAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<UpdateTemplateRequest>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task DeleteAsync_AlreadyGone_IsSuccessButAnotherNotFoundIsNot()
    {
        var old = Map(Outputs("APPROVED", null));
        _client.Setup(c => c.DeleteTemplateAsync(Sender, Code, It.IsAny<CancellationToken>())).ThrowsAsync(MockClients.ApiError(404, SinchErrorCodes.TemplateNotFound));

        await _resource.DeleteAsync(new DeleteCall(Id, old, old), CancellationToken.None);

        _client.Setup(c => c.DeleteTemplateAsync(Sender, Code, It.IsAny<CancellationToken>())).ThrowsAsync(MockClients.ApiError(404, SinchErrorCodes.SenderNotFound));
        Assert.ThrowsAsync<ProvisioningApiException>(() => _resource.DeleteAsync(new DeleteCall(Id, old, old), CancellationToken.None));
    }
}
