using Microsoft.Extensions.Time.Testing;

namespace Kakao.Cli.Tests.Support;

/// <summary>Moves a fake clock forward until a task finishes — time passes without anyone sleeping.</summary>
internal static class TimeDriver
{
    public static async Task<T> DriveAsync<T>(this FakeTimeProvider time, Task<T> task, TimeSpan step, int maxSteps = 10_000)
    {
        for (var i = 0; i < maxSteps && !task.IsCompleted; i++)
        {
            time.Advance(step);
            await Task.Yield();
        }

        Assert.That(task.IsCompleted, Is.True, "the task did not finish while the fake clock advanced");
        return await task;
    }
}
