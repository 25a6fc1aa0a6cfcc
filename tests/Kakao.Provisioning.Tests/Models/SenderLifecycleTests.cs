using Kakao.Provisioning.Models;

namespace Kakao.Provisioning.Tests.Models;

public class SenderLifecycleTests
{
    private static KakaoSender Sender(SenderState? state = null, ChangesStatus? changes = null) => new()
    {
        PlusFriendId = "@kakao-demo",
        State = state,
        Changes = changes is { } c ? new SenderChanges { Status = c } : null,
    };

    [Test]
    public void DeriveStatus_FirstSubmissionInReview_IsInProgress() =>
        Assert.That(SenderLifecycle.DeriveStatus(Sender(changes: ChangesStatus.InProgress)), Is.EqualTo(SenderStatus.InProgress));

    [Test]
    public void DeriveStatus_InactiveNeverActive_IsPendingVerification() =>
        Assert.That(SenderLifecycle.DeriveStatus(Sender(SenderState.Inactive), []), Is.EqualTo(SenderStatus.PendingVerification));

    [Test]
    public void DeriveStatus_InactiveAfterActive_IsInactive()
    {
        SenderActivity[] activities = [new() { Type = ActivityType.Inactive }, new() { Type = ActivityType.Active }];
        Assert.That(SenderLifecycle.DeriveStatus(Sender(SenderState.Inactive), activities), Is.EqualTo(SenderStatus.Inactive));
    }

    [Test]
    public void DeriveStatus_ActiveWithPendingEdit_StaysActive() =>
        Assert.That(SenderLifecycle.DeriveStatus(Sender(SenderState.Active, ChangesStatus.InProgress)), Is.EqualTo(SenderStatus.Active));

    [Test]
    public void DeriveStatus_UnknownState_IsKeptAsData() =>
        Assert.That(SenderLifecycle.DeriveStatus(Sender(new SenderState("HIBERNATING"))).Value, Is.EqualTo("HIBERNATING"));

    [Test]
    public void RejectionComment_CommentAddedAfterRejection_IsReturned()
    {
        SenderActivity[] activities =
        [
            new() { Type = ActivityType.CommentAdded, Comment = "Logo is blurry" },
            new() { Type = ActivityType.Rejected },
            new() { Type = ActivityType.InProgress },
        ];
        Assert.That(SenderLifecycle.RejectionComment(Sender(changes: ChangesStatus.Rejected), activities), Is.EqualTo("Logo is blurry"));
    }

    [Test]
    public void RejectionComment_NotRejected_IsNull()
    {
        SenderActivity[] activities = [new() { Type = ActivityType.Rejected, Comment = "old reason" }];
        Assert.That(SenderLifecycle.RejectionComment(Sender(changes: ChangesStatus.InProgress), activities), Is.Null);
    }
}
