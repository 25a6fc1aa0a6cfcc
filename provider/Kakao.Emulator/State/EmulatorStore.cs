using System.Text.Json;
using Kakao.Emulator.Serialization;

namespace Kakao.Emulator.State;

/// <summary>
/// Owns the state: every read and write runs under one lock (so parallel creates of one plusFriendId give
/// exactly one winner), maintenance runs first (due reviews, expired tombstones), and after a change the data
/// file is rewritten before the response leaves — also when the operation ended in a documented error that
/// still changed something (a wrong OTP attempt, a saved draft).
/// </summary>
internal sealed class EmulatorStore(EmulatorState initial, StateFile? file, Action<EmulatorState> maintenance, ILogger<EmulatorStore> logger)
{
    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private EmulatorState _state = initial;
    private long _savedRevision = initial.Revision;

    /// <summary>Runs an operation under the lock and persists what it changed, then returns or rethrows.</summary>
    public async Task<T> ExecuteAsync<T>(Func<EmulatorState, T> operation)
    {
        T result;
        try
        {
            lock (_gate)
            {
                maintenance(_state);
                result = operation(_state);
            }
        }
        finally
        {
            await SaveAsync();
        }

        return result;
    }

    /// <summary>Runs maintenance (called by review timers) and persists its effects.</summary>
    public async Task RunMaintenanceAsync()
    {
        lock (_gate)
        {
            maintenance(_state);
        }

        await SaveAsync();
    }

    /// <summary>Forgets every project (tokens are kept: a reset must not log clients out).</summary>
    public Task ResetAsync()
    {
        lock (_gate)
        {
            _state = new EmulatorState
            {
                Tokens = _state.Tokens,
                Revision = _state.Revision + 1,
            };
        }

        return SaveAsync();
    }

    // Deliberately not cancellable: a request cancelled half-way must still leave the file matching the state.
    private async Task SaveAsync()
    {
        if (file is null)
        {
            return;
        }

        await _writeGate.WaitAsync(CancellationToken.None);
        try
        {
            byte[] content;
            long revision;
            lock (_gate)
            {
                revision = _state.Revision;
                if (revision == _savedRevision)
                {
                    return;
                }

                content = JsonSerializer.SerializeToUtf8Bytes(_state, EmulatorJson.StateFileOptions);
            }

            await file.WriteAsync(content, CancellationToken.None);
            _savedRevision = revision;
        }
        catch (IOException ex)
        {
            logger.LogError(ex, "Writing the emulator data file {Path} failed; the next change retries.", file.Path);
        }
        catch (UnauthorizedAccessException ex)
        {
            logger.LogError(ex, "Writing the emulator data file {Path} failed; the next change retries.", file.Path);
        }
        finally
        {
            _writeGate.Release();
        }
    }
}
