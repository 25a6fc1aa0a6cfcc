using System.Collections.Concurrent;
using Kakao.Emulator.Json;
using Kakao.Emulator.State;

namespace Kakao.Emulator.Domain;

/// <summary>
/// Connects the lifecycle to the outside: webhook events go to the <see cref="IWebhookPublisher"/>, review deadlines arm a timer
/// on the emulator's <see cref="TimeProvider"/> that runs store maintenance when it fires (so reviews happen,
/// and their webhooks go out, even if nobody polls). Disposing it waits for maintenance already running: once
/// the emulator is disposed, nothing writes its data file any more.
/// </summary>
internal sealed class DomainEvents(TimeProvider time, IWebhookPublisher webhooks, ILogger<DomainEvents> logger) : IDomainEvents, IAsyncDisposable
{
    private readonly ConcurrentDictionary<ITimer, byte> _timers = new();
    private readonly HashSet<Task> _running = [];
    private readonly Lock _gate = new();
    private Func<Task>? _maintenance;
    private bool _stopped;

    /// <summary>Set once the store exists (the store needs the lifecycle, which needs this).</summary>
    public void Attach(Func<Task> maintenance) => _maintenance = maintenance;

    public void SenderEvent(ProjectState project, string eventType, SenderRecord sender, string? comment) =>
        webhooks.Publish(project, eventType, () => new WebhookCallbackDto(eventType, SenderDto.From(sender), comment));

    public void TemplateEvent(ProjectState project, string eventType, TemplateRecord template, string? comment) =>
        webhooks.Publish(project, eventType, () => new TemplateCallbackDto(eventType, TemplateDto.From(template), comment));

    public void ReviewScheduled(TimeSpan delay)
    {
        if (delay <= TimeSpan.Zero)
        {
            // Called under the store lock: run after the current operation, never inside it.
            StartMaintenance();
            return;
        }

        ITimer? timer = null;
        timer = time.CreateTimer(
            _ =>
            {
                if (timer is not null && _timers.TryRemove(timer, out byte _))
                {
                    timer.Dispose();
                }

                StartMaintenance();
            },
            null,
            delay,
            Timeout.InfiniteTimeSpan);
        _timers.TryAdd(timer, 0);
    }

    /// <summary>Stops the timers, refuses new maintenance and waits for the runs already started.</summary>
    public async ValueTask DisposeAsync()
    {
        Task[] running;
        lock (_gate)
        {
            _stopped = true;
            running = [.. _running];
        }

        foreach (var timer in _timers.Keys)
        {
            timer.Dispose();
        }

        _timers.Clear();
        await Task.WhenAll(running);
    }

    private void StartMaintenance()
    {
        lock (_gate)
        {
            if (_stopped)
            {
                return;
            }

            var run = Task.Run(RunMaintenanceAsync);
            _running.Add(run);
            _ = run.ContinueWith(Finished, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
    }

    private void Finished(Task run)
    {
        lock (_gate)
        {
            _running.Remove(run);
        }
    }

    private async Task RunMaintenanceAsync()
    {
        try
        {
            if (_maintenance is not null)
            {
                await _maintenance();
            }
        }
#pragma warning disable CA1031 // a timer callback must never crash the process.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            logger.LogError(ex, "Scheduled review failed.");
        }
    }
}
