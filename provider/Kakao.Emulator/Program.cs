using Kakao.Emulator;
using Microsoft.AspNetCore.Connections;

// dotnet run --project provider/Kakao.Emulator -- --urls http://127.0.0.1:5080 [--data FILE] [--key-id ID]
//   [--key-secret SECRET] [--review approve|reject|manual] [--review-delay SECONDS] [--review-comment TEXT]
//   [--deleted-senders gone|retained]      (the options: EmulatorCommandLine; --help lists them)
// Exit codes: 0 stopped by Ctrl+C/SIGTERM, 1 could not start (bad data file, bad address), 2 bad options,
// 3 the listen address is already in use.
return await new EmulatorCommandLine().InvokeAsync(args, RunAsync);

static async Task<int> RunAsync(EmulatorOptions options, CancellationToken cancellationToken)
{
    try
    {
        await using var server = await EmulatorServer.StartAsync(options, cancellationToken);
        Console.WriteLine($"Sinch Provisioning API emulator listening on {server.BaseAddress} (key id {options.KeyId}, review {options.ReviewMode.ToString().ToLowerInvariant()}, data {(options.DataFile is null ? "in memory" : Path.GetFullPath(options.DataFile))}). Ctrl+C stops.");
        await server.WaitForShutdownAsync();
        return EmulatorCommandLine.Stopped;
    }
    catch (IOException ex) when (ex.InnerException is AddressInUseException)
    {
        Console.Error.WriteLine($"The emulator could not start: {options.Urls} is already in use (another emulator still running?). " +
            "Stop that process, or choose another port with --urls http://127.0.0.1:PORT (port 0 picks a free one).");
        return EmulatorCommandLine.AddressInUse;
    }
    catch (Exception ex) when (ex is ArgumentException or InvalidDataException or IOException)
    {
        Console.Error.WriteLine($"The emulator could not start: {ex.Message}");
        return EmulatorCommandLine.CouldNotStart;
    }
}
