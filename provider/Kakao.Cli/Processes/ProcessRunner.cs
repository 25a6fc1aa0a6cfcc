using System.Text;
using CliWrap;

namespace Kakao.Cli.Processes;

/// <summary>What to run: the executable, its arguments and environment, and where its lines go.</summary>
internal sealed record ProcessRequest
{
    /// <summary>The executable (a full path, or a name CliWrap resolves on PATH).</summary>
    public required string FileName { get; init; }

    public IReadOnlyList<string> Arguments { get; init; } = [];

    public string? WorkingDirectory { get; init; }

    /// <summary>Variables set for the child, or removed with a null value; everything else is inherited.</summary>
    public IReadOnlyDictionary<string, string?> Environment { get; init; } = new Dictionary<string, string?>();

    /// <summary>Receives each line of standard output as it arrives (the whole output is also kept).</summary>
    public Action<string>? OnStandardOutput { get; init; }

    /// <summary>Receives each line of standard error as it arrives.</summary>
    public Action<string>? OnStandardError { get; init; }

    /// <summary>After cancellation: how long the child gets after SIGINT before its whole tree is killed.</summary>
    public TimeSpan InterruptGrace { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Never the arguments or the environment (a passphrase, a token): callers name a command by its verb.</summary>
    public override string ToString() => $"ProcessRequest {{ FileName = {Path.GetFileName(FileName)} }}";
}

/// <summary>How a child ended: its exit code, both streams in full, and its last lines (both streams, in arrival order).</summary>
internal sealed record ProcessResult(int ExitCode, string StandardOutput, string StandardError, IReadOnlyList<string> Tail);

/// <summary>
/// The one way the driver and the quick start run a child process (dotnet publish, pulumi), on CliWrap: no
/// standard input, lines streamed to callbacks while the whole output is kept, any exit code returned (the
/// caller decides what a failure means). Cancellation interrupts the child like Ctrl-C (pulumi then cancels its
/// update and releases the stack lock) and kills its whole process tree after <see cref="ProcessRequest.InterruptGrace"/>.
/// A missing executable surfaces as <see cref="System.ComponentModel.Win32Exception"/> (CliWrap's message names
/// the file only). Secrets may be in the environment (<c>PULUMI_CONFIG_PASSPHRASE</c>) or the output (a
/// <c>--show-secrets</c> export): neither is ever part of a message the runner makes.
/// </summary>
internal static class ProcessRunner
{
    /// <summary>How many of the last lines a result keeps for error messages.</summary>
    public const int TailLines = 40;

    public static async Task<ProcessResult> RunAsync(ProcessRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        var tail = new Queue<string>();
        var gate = new Lock();
        void Line(string line, StringBuilder all, Action<string>? onLine)
        {
            lock (gate)
            {
                all.AppendLine(line);
                tail.Enqueue(line);
                if (tail.Count > TailLines)
                {
                    tail.Dequeue();
                }
            }

            onLine?.Invoke(line);
        }

        var command = CliWrap.Cli.Wrap(request.FileName)
            .WithArguments(request.Arguments)
            .WithEnvironmentVariables(request.Environment)
            .WithStandardInputPipe(PipeSource.Null)
            .WithStandardOutputPipe(PipeTarget.ToDelegate(line => Line(line, stdout, request.OnStandardOutput), Encoding.UTF8))
            .WithStandardErrorPipe(PipeTarget.ToDelegate(line => Line(line, stderr, request.OnStandardError), Encoding.UTF8))
            .WithValidation(CommandResultValidation.None);
        if (request.WorkingDirectory is { } directory)
        {
            command = command.WithWorkingDirectory(directory);
        }

        // UTF-8 with its byte order mark skipped, as System.Diagnostics.Process reads a child's output.
        // Graceful first (SIGINT), then the whole tree for good once the grace period is over.
        using var forceful = new CancellationTokenSource();
        await using var escalate = cancellationToken.Register(() => forceful.CancelAfter(request.InterruptGrace)).ConfigureAwait(false);
        var result = await command.ExecuteAsync(forceful.Token, cancellationToken).ConfigureAwait(false);
        lock (gate)
        {
            return new ProcessResult(result.ExitCode, stdout.ToString(), stderr.ToString(), tail.ToList());
        }
    }
}
