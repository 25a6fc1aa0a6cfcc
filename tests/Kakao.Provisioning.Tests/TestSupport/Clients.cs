using Kakao.Provisioning.Models;

namespace Kakao.Provisioning.Tests.TestSupport;

/// <summary>Options and clients for stub-backed tests: no real waiting, every timer on the fake clock.</summary>
internal static class Clients
{
    public const string ProjectId = "proj-1";
    public const string KeyId = "key-id";
    public const string KeySecret = "s3cr3t-key-value";
    public const string PlusFriendId = "@sinch-demo";
    public const string AdminPhone = "+48777777777";

    public static ProvisioningClientOptions Options(TestClock clock, Action<ProvisioningClientOptions>? configure = null)
    {
        var options = new ProvisioningClientOptions
        {
            Endpoint = new Uri("https://provisioning.test"),
            AuthEndpoint = new Uri("https://auth.test"),
            ProjectId = ProjectId,
            KeyId = KeyId,
            KeySecret = KeySecret,

            // Basic on request: stub tests count and inspect API requests; the auth tests switch to OAuth2 (the default).
            AuthMode = ProvisioningAuthMode.Basic,
            TimeProvider = clock,
            RetryBaseDelay = TimeSpan.FromSeconds(1),
            MaxRetryDelay = TimeSpan.FromSeconds(30),

            // Polly's back-off jitter from a fixed source: the same delays on every run.
            Randomizer = () => 0.5,

            // Off unless a test is about them, so every timer a test sees is a back-off delay.
            AttemptTimeout = Timeout.InfiniteTimeSpan,
            RequestTimeout = Timeout.InfiniteTimeSpan,
        };
        configure?.Invoke(options);
        return options;
    }

    public static ProvisioningClient Create(StubHandler handler, TestClock clock, Action<ProvisioningClientOptions>? configure = null) =>
        new(Options(clock, configure), handler);

    public static string SenderJson(
        string plusFriendId = PlusFriendId,
        string? state = null,
        string? changesStatus = "IN_PROGRESS",
        string name = "Sinch Demo Shop") =>
        $$"""
        {
          "id": "3f0a7f0e-8f8d-4a7e-9a55-2d1c1f1b0c11",
          "plusFriendId": "{{plusFriendId}}",
          {{(state is null ? "" : $"\"state\": \"{state}\",")}}
          {{(changesStatus is null ? $"\"details\": {DetailsJson(name)}," : $"\"changes\": {{\"status\": \"{changesStatus}\", \"details\": {DetailsJson(name)}}},")}}
          "created": "2026-11-26T12:00:00Z",
          "modified": "2026-11-26T12:00:00Z"
        }
        """;

    public static string DetailsJson(string name = "Sinch Demo Shop") =>
        $$"""{"adminPhoneNo":"{{AdminPhone}}","name":"{{name}}","topLevelCategoryCode":"019","midLevelCategoryCode":"0006","subLevelCategoryCode":"0001"}""";

    public static SenderDetails Details(string name = "Sinch Demo Shop") => new()
    {
        AdminPhoneNo = AdminPhone,
        Name = name,
        TopLevelCategoryCode = "019",
        MidLevelCategoryCode = "0006",
        SubLevelCategoryCode = "0001",
    };

    public static CreateSenderRequest CreateRequest(string name = "Sinch Demo Shop") => new()
    {
        PlusFriendId = PlusFriendId,
        Details = Details(name),
    };
}
