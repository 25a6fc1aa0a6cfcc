// A Pulumi Automation API program that deploys a KakaoTalk sender and takes it to ACTIVE in one run:
// LocalWorkspace/WorkspaceStack up -> Kakao.Verification's StackVerifier (register, code, verify) -> refresh.
//
//   dotnet run -- [--stack dev] [--work-dir program] [--emulator-phone] [--destroy]
//
// Codes come from standard input (one line per code, e.g. piped from an SMS tool), or with --emulator-phone
// from the local emulator's stand-in for the admin phone. The key secret comes from SINCH_KEY_SECRET.
using System.Net.Http.Json;
using System.Text.Json;
using Kakao.Verification;
using Kakao.Verification.Automation;
using KakaoAutomation;
using Pulumi.Automation;

string Option(string name, string fallback)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? args[at + 1] : fallback;
}

var stackName = Option("--stack", "dev");
var workDir = Path.GetFullPath(Option("--work-dir", "program"));
using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };

using var stack = await LocalWorkspace.CreateOrSelectStackAsync(new LocalProgramArgs(stackName, workDir), stop.Token);
Console.WriteLine($"Stack {stack.Name} in {workDir}: pulumi up");
await stack.UpAsync(new UpOptions { OnStandardOutput = Console.WriteLine }, stop.Token);

using var phone = new HttpClient();
var codes = args.Contains("--emulator-phone")
    ? OtpSource.FromCallback(async (request, ct) =>
    {
        // Demo only: the emulator's OTP endpoint plays the admin phone (never point this at Sinch).
        var endpoint = request.Endpoint ?? throw new InvalidOperationException("no endpoint");
        var url = new Uri(endpoint, $"/_emulator/projects/{Uri.EscapeDataString(request.ProjectId)}/kakaotalk/senders/{Uri.EscapeDataString(request.PlusFriendId)}/otp");
        using var response = await phone.GetAsync(url, ct);
        return response.IsSuccessStatusCode ? (await response.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("code").GetInt32().ToString("D6") : null;
    })
    : OtpSource.FromReader(Console.In);

var verifier = new StackVerifier(new AutomationWorkspace(new WorkspaceStackAdapter(stack)), new StackVerifierOptions
{
    Codes = codes,
    Console = new TextWriterConsole(Console.Out),
    Timeout = TimeSpan.FromMinutes(10),
});
var report = await verifier.VerifyAsync(stack.Name, stop.Token);
Console.WriteLine(report.ToJson());

Console.WriteLine("pulumi refresh");
await stack.RefreshAsync(new RefreshOptions { OnStandardOutput = Console.WriteLine }, stop.Token);
var outputs = await stack.GetOutputsAsync(stop.Token);
Console.WriteLine($"status: {(outputs.TryGetValue("status", out var status) ? status.Value : "(no output)")}");

if (args.Contains("--destroy"))
{
    await stack.DestroyAsync(cancellationToken: stop.Token);
    await stack.Workspace.RemoveStackAsync(stack.Name, stop.Token);
}

return (int)report.ExitCode;
