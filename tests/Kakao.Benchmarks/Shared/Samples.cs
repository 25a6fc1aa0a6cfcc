using System.Globalization;
using Kakao.Emulator;
using Kakao.Provisioning;
using Kakao.Provisioning.Models;
using HarnessMap = Kakao.EngineHarness.Values.PropertyMap;
using HarnessValue = Kakao.EngineHarness.Values.PropertyValue;

namespace Kakao.Benchmarks.Shared;

/// <summary>The sample sender of the docs and the emulator credentials, as harness inputs and client requests.</summary>
internal static class Samples
{
    public const string SenderType = "kakao:index:KakaoSender";
    public const string ProjectId = "bench-project";
    public const string AdminPhoneNo = "+48777777777";
    public const string Name = "Sinch Demo Shop";

    /// <summary>A distinct plusFriendId per index (at most 30 characters).</summary>
    public static string PlusFriendId(string prefix, int index) => $"@{prefix}-{index.ToString("D5", CultureInfo.InvariantCulture)}";

    public static HarnessMap Inputs(string plusFriendId) => new()
    {
        ["plusFriendId"] = plusFriendId,
        ["adminPhoneNo"] = HarnessValue.Secret(AdminPhoneNo),
        ["name"] = Name,
        ["topLevelCategoryCode"] = "019",
        ["midLevelCategoryCode"] = "0006",
        ["subLevelCategoryCode"] = "0001",
    };

    public static CreateSenderRequest CreateRequest(string plusFriendId) => new()
    {
        PlusFriendId = plusFriendId,
        Status = SubmitAction.Submit,
        Details = new SenderDetails
        {
            AdminPhoneNo = AdminPhoneNo,
            Name = Name,
            TopLevelCategoryCode = "019",
            MidLevelCategoryCode = "0006",
            SubLevelCategoryCode = "0001",
        },
    };

    /// <summary>The provider configuration for the emulator (keys without the <c>kakao:</c> prefix).</summary>
    public static HarnessMap Config(EmulatorServer emulator) => new()
    {
        ["projectId"] = ProjectId,
        ["keyId"] = new EmulatorOptions().KeyId,
        ["keySecret"] = HarnessValue.Secret(new EmulatorOptions().KeySecret),
        ["endpoint"] = emulator.BaseAddress.ToString().TrimEnd('/'),
    };

    public static ProvisioningClientOptions ClientOptions(EmulatorServer emulator) => new()
    {
        Endpoint = emulator.BaseAddress,
        ProjectId = ProjectId,
        KeyId = new EmulatorOptions().KeyId,
        KeySecret = new EmulatorOptions().KeySecret,
    };
}
