using System.Text.Json;
using Kakao.Emulator.Serialization;

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

        var bytes = await File.ReadAllBytesAsync(Path, cancellationToken);
        if (bytes.AsSpan().Trim(" \t\r\n"u8).IsEmpty)
        {
            throw NotOurs("it is empty");
        }

        EmulatorState? state;
        try
        {
            using (var document = JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = 256 }))
            {
                if (StateFileFormat.Problem(document.RootElement) is { } problem)
                {
                    throw NotOurs(problem);
                }
            }

            state = JsonSerializer.Deserialize<EmulatorState>(bytes, EmulatorJson.StateFileOptions);
        }
        catch (JsonException ex)
        {
            throw NotOurs($"it is not valid emulator state JSON ({ex.Message})", ex);
        }

        if (state is null)
        {
            throw NotOurs("it holds null");
        }

        // An older format is read as is (its senders have no templates) and written back in the current one.
        state.Format = StateFileFormat.Marker;
        return state;
    }

    // Started on a file it does not own, the emulator must not write a byte to it: refuse, say why and what to do.
    private InvalidDataException NotOurs(string reason, Exception? inner = null) => new(
        $"The emulator data file '{Path}' is not an emulator state file: {reason}. It was left untouched; pass --data a new path (it is created) or a file this emulator wrote.",
        inner);

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
