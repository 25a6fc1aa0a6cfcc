using Kakao.Provisioning;
using Kakao.Provisioning.Models;
using Moq;
using Moq.Protected;

namespace Kakao.Cli.Tests.Support;

/// <summary>Sample senders in each lifecycle phase (GUIDE sample values) and a mocked client.</summary>
internal static class Senders
{
    public const string Id = "@sinch-demo";
    public const string Project = "proj-1";
    public static readonly DateTimeOffset Start = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    public static KakaoSender Sender(SenderState? state = null, ChangesStatus? changes = null, string id = Id) => new()
    {
        PlusFriendId = id,
        Id = "6f1c1a8e-0000-4000-8000-000000000001",
        State = state,
        Changes = changes is { } c ? new SenderChanges { Status = c } : null,
        Details = state is null ? null : new SenderDetails { AdminPhoneNo = "+48777777777", Name = "Sinch Demo Shop" },
        Created = Start.AddDays(-2),
        Modified = Start.AddHours(-5),
    };

    public static SenderSnapshot PendingVerification(string id = Id) =>
        new(Sender(SenderState.Inactive, id: id), [new SenderActivity { Type = ActivityType.Inactive, Created = Start.AddHours(-1) }]);

    public static SenderSnapshot Verifying(string id = Id) => new(Sender(SenderState.Verifying, id: id), []);

    public static SenderSnapshot Active(string id = Id) =>
        new(Sender(SenderState.Active, id: id), [new SenderActivity { Type = ActivityType.Active, Created = Start.AddHours(-1) }]);

    public static SenderSnapshot InReview(string id = Id) =>
        new(Sender(changes: ChangesStatus.InProgress, id: id), [new SenderActivity { Type = ActivityType.InProgress, Created = Start.AddHours(-27) }]);

    public static SenderSnapshot Rejected(string comment, string id = Id) =>
        new(Sender(changes: ChangesStatus.Rejected, id: id), [new SenderActivity { Type = ActivityType.Rejected, Created = Start.AddHours(-1), Comment = comment }]);

    public static Mock<ProvisioningClient> Client(string project = Project)
    {
        var client = new Mock<ProvisioningClient>(MockBehavior.Strict);
        client.SetupGet(c => c.ProjectId).Returns(project);
        client.Protected().Setup("Dispose", ItExpr.IsAny<bool>());
        return client;
    }

    public static ProvisioningApiException WrongCode() =>
        new(400, "invalid_input", "Invalid input", additionalInformation: new Dictionary<string, IReadOnlyList<string>> { ["validationErrors"] = ["code: the code is not valid"] });

    public static ProvisioningApiException ExpiredCode() =>
        new(400, "invalid_input", "Invalid input", additionalInformation: new Dictionary<string, IReadOnlyList<string>> { ["validationErrors"] = ["code: the code has expired"] });
}
