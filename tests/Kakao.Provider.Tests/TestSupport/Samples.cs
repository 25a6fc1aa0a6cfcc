using Kakao.Provider.Models;
using Kakao.Provider.Resources.Sender;
using Kakao.Provisioning.Models;

namespace Kakao.Provider.Tests.TestSupport;

/// <summary>The shared sample sender of the project's docs and tests.</summary>
internal static class Samples
{
    public const string PlusFriendId = "@sinch-demo";
    public const string AdminPhoneNo = "+48777777777";
    public const string Name = "Sinch Demo Shop";
    public const string ProjectId = "project-1";
    public const string Urn = "urn:pulumi:dev::demo::kakao:index:KakaoSender::demo";

    public static PropertyValue S(string value) => PropertyValue.Create(value);

    public static PropertyValue Secret(string value) => PropertyValue.Secret(PropertyValue.Create(value));

    /// <summary>Raw inputs as a program would send them.</summary>
    public static PropertyMap RawInputs() => new PropertyMapBuilder()
        .Set(SenderProperties.PlusFriendId, S(PlusFriendId))
        .Set(SenderProperties.AdminPhoneNo, S(AdminPhoneNo))
        .Set(SenderProperties.Name, S(Name))
        .Set(SenderProperties.TopLevelCategoryCode, S("019"))
        .Set(SenderProperties.MidLevelCategoryCode, S("0006"))
        .Set(SenderProperties.SubLevelCategoryCode, S("0001"))
        .Build();

    /// <summary>Inputs after Check.</summary>
    public static PropertyMap CheckedInputs() => SenderCheck.Check(RawInputs()).Inputs;

    public static SenderDetails Details(string name = Name) => new()
    {
        AdminPhoneNo = AdminPhoneNo,
        Name = name,
        TopLevelCategoryCode = "019",
        MidLevelCategoryCode = "0006",
        SubLevelCategoryCode = "0001",
    };

    public static KakaoSender InReview(string name = Name) => new()
    {
        Id = "0b6c2f34-8d0e-4f4b-9a51-1f2e3d4c5b6a",
        PlusFriendId = PlusFriendId,
        Changes = new SenderChanges { Status = ChangesStatus.InProgress, Details = Details(name) },
        Created = new DateTimeOffset(2026, 1, 31, 9, 30, 0, TimeSpan.Zero),
        Modified = new DateTimeOffset(2026, 1, 31, 9, 30, 0, TimeSpan.Zero),
    };

    public static KakaoSender Rejected() => InReview() with
    {
        Changes = new SenderChanges { Status = ChangesStatus.Rejected, Details = Details() },
    };

    public static KakaoSender Approved() => InReview() with
    {
        Changes = null,
        Details = Details(),
        State = Kakao.Provisioning.Models.SenderState.Inactive,
    };
}
