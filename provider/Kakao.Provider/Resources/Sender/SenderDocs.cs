namespace Kakao.Provider.Resources.Sender;

/// <summary>The schema documentation of the sender resource and functions (Markdown, shown in the registry and SDKs).</summary>
internal static class SenderDocs
{
    public const string Resource = """
        A KakaoTalk sender (a KakaoTalk channel registered with Sinch) managed through the Sinch Provisioning API.

        Creating a sender submits it for review (or saves a draft when `submit` is `false`). Review, verification with the one-time
        code sent to `adminPhoneNo`, suspension and the like happen outside Pulumi: `pulumi refresh` shows them in `status`,
        `state`, `changesStatus` and `rejectionComment`. Changing the details resubmits them for review; changing `plusFriendId` or
        `projectId` replaces the sender.

        ## Example Usage

        ```yaml
        resources:
          demo:
            type: kakao:index:KakaoSender
            properties:
              plusFriendId: "@sinch-demo"
              adminPhoneNo: "+48777777777"
              name: Sinch Demo Shop
              topLevelCategoryCode: "019"
              midLevelCategoryCode: "0006"
              subLevelCategoryCode: "0001"
        outputs:
          status: ${demo.status}
        ```

        ```csharp
        var sender = new Pulumi.Kakao.KakaoSender("demo", new()
        {
            PlusFriendId = "@sinch-demo",
            AdminPhoneNo = "+48777777777",
            Name = "Sinch Demo Shop",
            TopLevelCategoryCode = "019",
            MidLevelCategoryCode = "0006",
            SubLevelCategoryCode = "0001",
        });
        ```

        ## Import

        An existing sender is imported by its plusFriendId:

        ```sh
        pulumi import kakao:index:KakaoSender demo @sinch-demo
        ```

        """;

    public const string GetSenderCategories = """
        Reads the KakaoTalk sender category tree and the flat list of valid top/mid/sub code combinations.

        ## Example Usage

        ```yaml
        variables:
          categories:
            fn::invoke:
              function: kakao:index:getSenderCategories
        ```
        """;

    public const string GetSender = """
        Looks up a KakaoTalk sender's current status and details by plusFriendId. Outside a preview a sender that does not exist is an error. During a preview (the engine runs functions in previews too) a sender that does not exist yet, e.g. one this program is about to create, answers `exists: false` with only `plusFriendId` and `projectId` set: every other output is absent (null), because a function cannot answer "unknown". An argument whose value is not known yet arrives missing.

        ## Example Usage

        ```yaml
        variables:
          existing:
            fn::invoke:
              function: kakao:index:getSender
              arguments:
                plusFriendId: "@sinch-demo"
        ```
        """;
}
