namespace Kakao.Testing;

/// <summary>One entry of the emulator's request log (<c>GET /_emulator/requests</c>).</summary>
/// <param name="Sequence">Arrival number, increasing by one per request.</param>
/// <param name="Time">When it arrived (the emulator's clock).</param>
/// <param name="Method">HTTP method.</param>
/// <param name="Path">The path as sent (percent-encoded); <see cref="DecodedPath"/> decodes it.</param>
/// <param name="Status">The status answered (0 when a fault dropped the connection).</param>
/// <param name="Body">The request body, when there was one (secrets redacted by the emulator).</param>
/// <param name="Fault">The fault rule's effect applied to it, if any.</param>
/// <param name="Query">The query string, if any.</param>
/// <param name="AuthScheme">The Authorization scheme used (Basic, Bearer), if any.</param>
public sealed record EmulatorRequest(
    long Sequence,
    DateTimeOffset? Time,
    string Method,
    string Path,
    int Status,
    string? Body,
    string? Fault,
    string? Query,
    string? AuthScheme)
{
    /// <summary>The path with percent-encoding undone.</summary>
    public string DecodedPath => Uri.UnescapeDataString(Path);

    /// <summary>A call of the control API itself (<c>/_emulator/...</c>), not of the Sinch API or token endpoint.</summary>
    public bool IsControl => Path.StartsWith("/_emulator", StringComparison.Ordinal);

    /// <summary>
    /// The write took effect on the emulator: it answered 2xx, or a commit-then-fail fault ran it and then
    /// answered an error or dropped the connection.
    /// </summary>
    public bool Committed => Fault is null
        ? Status is >= 200 and < 300
        : Fault.Contains("commit-then", StringComparison.Ordinal) || (Fault.EndsWith("latency", StringComparison.Ordinal) && Status is >= 200 and < 300);
}
