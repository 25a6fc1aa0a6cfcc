using System.Net;
using Kakao.Emulator.Tests.Support;

namespace Kakao.Emulator.Tests.Http;

/// <summary>Routes that do not exist, or exist for other methods, still answer a JSON error body.</summary>
[TestFixture]
public sealed class UnmatchedRouteTests
{
    [Test]
    public async Task Get_UnknownRoute_Answers404NotFoundBody()
    {
        await using var emulator = await EmulatorHarness.StartAsync();

        using var response = await emulator.Client.GetAsync("v1/projects/p/kakaotalk/templates-or-whatever/x/y/z");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((await EmulatorHarness.ReadJsonAsync(response))!["errorCode"]!.GetValue<string>(), Is.EqualTo("not_found"));
    }

    [Test]
    public async Task Put_SenderRoute_Answers405WithAllowHeader()
    {
        await using var emulator = await EmulatorHarness.StartAsync();

        using var response = await emulator.Client.PutAsync(EmulatorHarness.Sender("p"), EmulatorHarness.JsonContent("{}"));

        var body = await EmulatorHarness.ReadJsonAsync(response);
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.MethodNotAllowed));
            Assert.That(response.Content.Headers.Allow, Does.Contain("PATCH"));
            Assert.That(body!["errorCode"]!.GetValue<string>(), Is.EqualTo("method_not_allowed"));
        });
    }
}
