using System.Net;
using Kakao.Emulator.Tests.Support;

namespace Kakao.Emulator.Tests.Endpoints;

/// <summary>404 project_not_found on the two operations whose definition lists it: create and update of a sender.</summary>
[TestFixture]
public sealed class ProjectNotFoundTests
{
    [Test]
    public async Task CreateAndPatch_UnknownProject_AnswerProjectNotFound()
    {
        await using var emulator = await EmulatorHarness.StartAsync(o => o.ExistingProjectIds = ["real-project"]);

        using var create = await emulator.PostAsync(EmulatorHarness.Senders("no-such-project"), EmulatorHarness.SampleCreateBody());
        using var patch = await emulator.PatchAsync(EmulatorHarness.Sender("no-such-project"), """{"details": {"name": "x"}}""");

        await ApiAssert.FailsAsync(create, "project_not_found");
        await ApiAssert.FailsAsync(patch, "project_not_found");
    }

    [Test]
    public async Task Create_ExistingProject_Succeeds()
    {
        await using var emulator = await EmulatorHarness.StartAsync(o => o.ExistingProjectIds = ["real-project"]);

        using var create = await emulator.PostAsync(EmulatorHarness.Senders("real-project"), EmulatorHarness.SampleCreateBody());

        Assert.That(create.StatusCode, Is.EqualTo(HttpStatusCode.Created));
    }
}
