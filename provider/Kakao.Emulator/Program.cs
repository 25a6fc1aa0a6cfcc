using System.Globalization;
using Kakao.Emulator;
using Microsoft.AspNetCore.Connections;

// dotnet run --project provider/Kakao.Emulator -- --urls http://127.0.0.1:5080 [--data FILE] [--key-id ID]
//   [--key-secret SECRET] [--review approve|reject|manual] [--review-delay SECONDS] [--review-comment TEXT]
//   [--deleted-senders gone|retained]
// Exit codes: 0 stopped by Ctrl+C/SIGTERM, 1 could not start (bad data file, bad address), 2 bad options,
// 3 the listen address is already in use.
var options = new EmulatorOptions { Urls = "http://127.0.0.1:5080", ConsoleLogging = true, HandleConsoleSignals = true };
for (int i = 0; i < args.Length; i++)
{
    string name = args[i];
    if (name is "-h" or "--help")
    {
        Console.WriteLine("Usage: Kakao.Emulator [--urls URLS] [--data FILE] [--key-id ID] [--key-secret SECRET] [--review approve|reject|manual] [--review-delay SECONDS] [--review-comment TEXT] [--deleted-senders gone|retained]");
        Console.WriteLine("Exit codes: 0 stopped, 1 could not start, 2 bad options, 3 the listen address is already in use.");
        return 0;
    }

    if (i + 1 >= args.Length)
    {
        Console.Error.WriteLine($"Missing value for {name}.");
        return 2;
    }

    string value = args[++i];
    switch (name)
    {
        case "--urls": options.Urls = value; break;
        case "--data": options.DataFile = value; break;
        case "--key-id": options.KeyId = value; break;
        case "--key-secret": options.KeySecret = value; break;
        case "--review-comment": options.ReviewComment = value; break;
        case "--deleted-senders" when value is "gone" or "retained":
            options.DeletedSenders = value == "retained" ? DeletedSenderMode.Retained : DeletedSenderMode.Gone;
            break;
        case "--review" when Enum.TryParse<ReviewMode>(value, ignoreCase: true, out var mode) && !int.TryParse(value, out _):
            options.ReviewMode = mode;
            break;
        case "--review-delay" when double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double seconds) && seconds >= 0:
            options.ReviewDelay = TimeSpan.FromSeconds(seconds);
            break;
        default:
            Console.Error.WriteLine($"Unknown option or bad value: {name} {value}");
            return 2;
    }
}

try
{
    await using var server = await EmulatorServer.StartAsync(options);
    Console.WriteLine($"Sinch Provisioning API emulator listening on {server.BaseAddress} (key id {options.KeyId}, review {options.ReviewMode.ToString().ToLowerInvariant()}, data {options.DataFile ?? "in memory"}). Ctrl+C stops.");
    await server.WaitForShutdownAsync();
    return 0;
}
catch (IOException ex) when (ex.InnerException is AddressInUseException)
{
    Console.Error.WriteLine($"The emulator could not start: {options.Urls} is already in use (another emulator still running?). " +
        "Stop that process, or choose another port with --urls http://127.0.0.1:PORT (port 0 picks a free one).");
    return 3;
}
catch (Exception ex) when (ex is ArgumentException or InvalidDataException or IOException)
{
    Console.Error.WriteLine($"The emulator could not start: {ex.Message}");
    return 1;
}
