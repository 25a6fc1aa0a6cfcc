namespace Kakao.Verification;

/// <summary>The code sources an Automation API program can hand to <see cref="StackVerifierOptions.Codes"/>.</summary>
public static class OtpSource
{
    /// <summary>No source: senders that need a code are reported, nothing is sent to the phone.</summary>
    public static IOtpSource None { get; } = new NoOtpSource();

    /// <summary>One code, or <c>plusFriendId=code</c> pairs, in an environment variable (fixed before the run).</summary>
    /// <param name="variable">The variable, e.g. <c>KAKAO_OTP</c>.</param>
    public static IOtpSource FromEnvironment(string variable)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(variable);
        return new EnvOtpSource(variable, System.Environment.GetEnvironmentVariable);
    }

    /// <summary>One code, or <c>plusFriendId=code</c> lines, in a file read when the code is needed.</summary>
    /// <param name="path">The file, e.g. a mounted secret.</param>
    public static IOtpSource FromFile(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return new FileOtpSource(path);
    }

    /// <summary>One line per code (a code or <c>plusFriendId=code</c>) from a reader, e.g. piped from a tool.</summary>
    /// <param name="reader">The lines.</param>
    public static IOtpSource FromReader(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return new StdinOtpSource(reader);
    }

    /// <summary>
    /// Codes from your own code, called after the sender was registered (e.g. polling an SMS gateway); return
    /// null when there is none.
    /// </summary>
    /// <param name="read">Returns the code for the request's sender.</param>
    public static IOtpSource FromCallback(Func<OtpRequest, CancellationToken, Task<string?>> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        return new CallbackOtpSource(read);
    }

    private sealed class CallbackOtpSource(Func<OtpRequest, CancellationToken, Task<string?>> read) : IOtpSource
    {
        public string Description => "the program's code source";

        public bool CanRetry => false;

        public bool CanSupplyCodes => true;

        public bool FixedBeforeRun => false;

        public async Task<OtpRead> ReadAsync(OtpRequest request, CancellationToken cancellationToken) =>
            await read(request, cancellationToken).ConfigureAwait(false) is { } text
                ? OtpCode.TryParse(text, out var code) ? OtpRead.Of(code) : OtpRead.Missing($"{Description} did not return a 6-digit code")
                : OtpRead.Missing($"{Description} returned no code for {request.PlusFriendId}");
    }
}
