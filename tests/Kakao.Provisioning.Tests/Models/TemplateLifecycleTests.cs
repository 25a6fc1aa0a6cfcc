using Kakao.Provisioning.Models;

namespace Kakao.Provisioning.Tests.Models;

public class TemplateLifecycleTests
{
    private static KakaoTemplate Template(string? state, string? changes) => new()
    {
        Code = "T1",
        State = state is null ? (TemplateState?)null : new TemplateState(state),
        Changes = changes is null ? null : new TemplateChanges { Status = changes },
    };

    [TestCase(null, "DRAFT", "DRAFT")]
    [TestCase(null, "IN_PROGRESS", "IN_PROGRESS")]
    [TestCase(null, "REJECTED", "REJECTED")]
    [TestCase("APPROVED", null, "APPROVED")]
    [TestCase("APPROVED", "DRAFT", "APPROVED")]
    [TestCase("APPROVED", "IN_PROGRESS", "APPROVED_CHANGES_IN_PROGRESS")]
    [TestCase("APPROVED", "REJECTED", "APPROVED_CHANGES_REJECTED")]
    [TestCase("REJECTED", null, "REJECTED")]
    [TestCase("REJECTED", "DRAFT", "REJECTED")]
    [TestCase("REJECTED", "IN_PROGRESS", "IN_PROGRESS")]
    [TestCase("ARCHIVED", null, "ARCHIVED")]
    public void DeriveStatus_StateAndChanges_GiveTheSummary(string? state, string? changes, string expected) =>
        Assert.That(TemplateLifecycle.DeriveStatus(Template(state, changes)), Is.EqualTo(new TemplateStatus(expected)));

    [TestCase(null, "IN_PROGRESS", "inspecting")]
    [TestCase("APPROVED", "IN_PROGRESS", "inspecting")]
    [TestCase("ARCHIVED", null, "only APPROVED or REJECTED")]
    [TestCase("APPROVED", "ON_HOLD", "only DRAFT or REJECTED")]
    public void EditBlocker_StatesTheApiRefuses_SayWhatToWaitFor(string? state, string? changes, string expected) =>
        Assert.That(TemplateLifecycle.EditBlocker(Template(state, changes)), Does.Contain(expected));

    [TestCase(null, "DRAFT")]
    [TestCase("APPROVED", null)]
    [TestCase("APPROVED", "DRAFT")]
    [TestCase("APPROVED", "REJECTED")]
    [TestCase("REJECTED", null)]
    public void EditBlocker_EditableStates_IsNull(string? state, string? changes) =>
        Assert.That(TemplateLifecycle.EditBlocker(Template(state, changes)), Is.Null);

    [Test]
    public void ReviewComment_Rejected_IsTheRejectionsCommentNotANewerAnswer()
    {
        TemplateActivity[] activities =
        [
            new() { Type = ActivityType.CommentAdded, Comment = "수정하겠습니다" },
            new() { Type = ActivityType.Rejected, Comment = "버튼 이름이 모호합니다" },
            new() { Type = ActivityType.InProgress },
        ];

        Assert.That(TemplateLifecycle.ReviewComment(Template("REJECTED", null), activities), Is.EqualTo("버튼 이름이 모호합니다"));
    }

    [Test]
    public void ReviewComment_RejectedWithoutReason_FallsBackToTheCommentSince()
    {
        TemplateActivity[] activities = [new() { Type = ActivityType.CommentAdded, Comment = "see the button" }, new() { Type = ActivityType.Rejected }];

        Assert.That(TemplateLifecycle.ReviewComment(Template(null, "REJECTED"), activities), Is.EqualTo("see the button"));
    }

    [Test]
    public void ReviewComment_UnderInspection_IsTheNewestComment()
    {
        TemplateActivity[] activities = [new() { Type = ActivityType.InProgress }, new() { Type = ActivityType.CommentAdded, Comment = "What is #{code}?" }];

        Assert.Multiple(() =>
        {
            Assert.That(TemplateLifecycle.ReviewComment(Template(null, "IN_PROGRESS"), activities), Is.EqualTo("What is #{code}?"));
            Assert.That(TemplateLifecycle.ReviewComment(Template("APPROVED", null), []), Is.Null);
        });
    }

    [Test]
    public void Variables_Placeholders_AreListedOnceInOrder() =>
        Assert.That(
            TemplateLifecycle.Variables("#{고객명}님, #{orderNo} 주문이 발송되었습니다. #{고객명}님 감사합니다. #{ } #{unclosed"),
            Is.EqualTo(new[] { "고객명", "orderNo" }));

    [Test]
    public void Variables_NoContent_IsEmpty() =>
        Assert.That(TemplateLifecycle.Variables(null), Is.Empty);
}
