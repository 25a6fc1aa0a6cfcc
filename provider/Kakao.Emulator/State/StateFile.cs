using System.Text.Json;
using Kakao.Emulator.Json;

namespace Kakao.Emulator.State;

/// <summary>
/// The --data file: the whole state as JSON, replaced atomically (write a temp file beside it, flush, rename)
/// so a crash mid-write leaves the previous version intact.
/// </summary>
internal sealed class StateFile(string path)
{
    public string Path { get; } = System.IO.Path.GetFullPath(path);

    /// <summary>Loads the state; null when the file does not exist. A corrupt file fails loudly, never overwritten.</summary>
    public async Task<EmulatorState?> LoadAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(Path))
        {
            return null;
        }

        await using var stream = new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, useAsync: true);
        try
        {
            return await JsonSerializer.DeserializeAsync<EmulatorState>(stream, EmulatorJson.StateFileOptions, cancellationToken)
                ?? throw new InvalidDataException($"The emulator data file '{Path}' is empty.");
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"The emulator data file '{Path}' is not valid emulator state; fix or move it away.", ex);
        }
    }

    public async Task WriteAsync(byte[] content, CancellationToken cancellationToken)
    {
        string directory = System.IO.Path.GetDirectoryName(Path)!;
        Directory.CreateDirectory(directory);
        string temp = System.IO.Path.Combine(directory, $".{System.IO.Path.GetFileName(Path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            var options = new FileStreamOptions
            {
                Mode = FileMode.CreateNew,
                Access = FileAccess.Write,
                Options = FileOptions.Asynchronous,
            };
            if (!OperatingSystem.IsWindows())
            {
                // The file holds OTP codes and webhook secrets: owner-only.
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            await using (var stream = new FileStream(temp, options))
            {
                await stream.WriteAsync(content, cancellationToken);
                await stream.FlushAsync(cancellationToken);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, Path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }
}
