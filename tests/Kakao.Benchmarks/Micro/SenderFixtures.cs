using Google.Protobuf.WellKnownTypes;
using Kakao.Provider.Grpc;
using Kakao.Provider.Models;
using Kakao.Provisioning.Models;

namespace Kakao.Benchmarks.Micro;

/// <summary>A created sender's outputs and inputs, in the plugin's model and on the wire, and as the API returns it.</summary>
internal static class SenderFixtures
{
    public static PropertyMap Inputs { get; } = new PropertyMapBuilder()
        .SetString("plusFriendId", "@sinch-demo")
        .SetString("adminPhoneNo", "+48777777777", secret: true)
        .SetString("name", "Sinch Demo Shop")
        .SetString("topLevelCategoryCode", "019")
        .SetString("midLevelCategoryCode", "0006")
        .SetString("subLevelCategoryCode", "0001")
        .Set("submit", PropertyValue.Create(true))
        .Build();

    public static PropertyMap Outputs { get; } = new PropertyMapBuilder()
        .SetString("plusFriendId", "@sinch-demo")
        .SetString("projectId", "my-project")
        .SetString("adminPhoneNo", "+48777777777", secret: true)
        .SetString("name", "Sinch Demo Shop")
        .SetString("topLevelCategoryCode", "019")
        .SetString("midLevelCategoryCode", "0006")
        .SetString("subLevelCategoryCode", "0001")
        .Set("submit", PropertyValue.Create(true))
        .SetString("senderId", "4f1c2b7e-0d55-4b1e-9a57-2f3c8d9e1a10")
        .SetString("status", "IN_PROGRESS")
        .SetString("state", "INACTIVE")
        .SetString("changesStatus", "IN_PROGRESS")
        .SetString("created", "2026-11-26T10:00:00Z")
        .SetString("modified", "2026-11-26T10:00:00Z")
        .Build();

    public static Struct OutputsStruct { get; } = PropertyValueConverter.ToStruct(Outputs);

    public const string SenderJson = """
        {"id":"4f1c2b7e-0d55-4b1e-9a57-2f3c8d9e1a10","plusFriendId":"@sinch-demo","state":"INACTIVE",
         "details":{"adminPhoneNo":"+48777777777","name":"Sinch Demo Shop","topLevelCategoryCode":"019","midLevelCategoryCode":"0006","subLevelCategoryCode":"0001","logoImage":"https://example.com/logo.png"},
         "changes":{"status":"IN_PROGRESS","details":{"adminPhoneNo":"+48777777777","name":"Sinch Demo Shop 2","topLevelCategoryCode":"019","midLevelCategoryCode":"0006","subLevelCategoryCode":"0001"}},
         "created":"2026-11-26T10:00:00Z","modified":"2026-11-26T10:05:00Z"}
        """;
}
