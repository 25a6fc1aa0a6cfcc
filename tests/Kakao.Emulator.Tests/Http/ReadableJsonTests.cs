using Kakao.Emulator.Tests.Support;

namespace Kakao.Emulator.Tests.Http;

/// <summary>
/// The emulator writes JSON as Sinch's API does: '+' in phone numbers and Korean text as they are, not as
/// \uXXXX escapes (people read these bodies in terminals and request logs).
/// </summary>
[TestFixture]
public class ReadableJsonTests
{
    [Test]
    public async Task SenderAndRequestLog_KoreanNameAndPlus_AreWrittenUnescaped()
    {
        await using var emulator = await EmulatorHarness.StartAsync();
        var body = EmulatorHarness.SampleCreateBody().Replace("Sinch Demo Shop", "카카오 상점 + 데모", StringComparison.Ordinal);

        using var create = await emulator.PostAsync(EmulatorHarness.Senders("p"), body);
        var created = await create.Content.ReadAsStringAsync();
        var log = await emulator.Anonymous.GetStringAsync("_emulator/requests");

        Assert.Multiple(() =>
        {
            Assert.That((int)create.StatusCode, Is.EqualTo(201), created);
            Assert.That(created, Does.Contain("\"카카오 상점 + 데모\"").And.Contain("\"+48777777777\"").And.Not.Contain("\\u"));
            Assert.That(log, Does.Contain("카카오 상점 + 데모").And.Not.Contain("\\uCE74"));
        });
    }
}
