// A KakaoTalk sender declared in C# with the generated Pulumi.Kakao SDK. Provider settings (endpoint,
// projectId, keyId, keySecret) come from stack config `kakao:*`, see Pulumi.yaml and README.md.
using Pulumi;
using Pulumi.Kakao;

return await Deployment.RunAsync(() =>
{
    var config = new Config();
    var plusFriendId = config.Get("plusFriendId") ?? "@sinch-demo";
    // The admin phone receives the verification code: personal data, so it travels as a secret.
    var adminPhoneNo = config.GetSecret("adminPhoneNo") ?? Output.CreateSecret("+48777777777");

    var sender = new KakaoSender("sinch-demo", new KakaoSenderArgs
    {
        PlusFriendId = plusFriendId,
        AdminPhoneNo = adminPhoneNo,
        Name = "Sinch Demo Shop",
        TopLevelCategoryCode = "019",
        MidLevelCategoryCode = "0006",
        SubLevelCategoryCode = "0001",
    }, new CustomResourceOptions
    {
        // Creation returns once Sinch accepted the submission; these bound the API calls, not Kakao's review.
        CustomTimeouts = new CustomTimeouts
        {
            Create = TimeSpan.FromMinutes(10),
            Update = TimeSpan.FromMinutes(10),
            Delete = TimeSpan.FromMinutes(5),
        },
    });

    return new Dictionary<string, object?>
    {
        ["plusFriendId"] = sender.PlusFriendId,
        ["senderId"] = sender.SenderId,
        ["status"] = sender.Status,
        ["state"] = sender.State,
        ["changesStatus"] = sender.ChangesStatus,
        ["rejectionComment"] = sender.RejectionComment,
    };
});
