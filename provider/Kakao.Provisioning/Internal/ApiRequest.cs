namespace Kakao.Provisioning.Internal;

/// <summary>Whether the API may see a request twice without harm.</summary>
internal enum RetryMode
{
    /// <summary>GET/DELETE: retried on 429, 502, 503, 504, transport failures and attempt timeouts.</summary>
    Idempotent,

    /// <summary>
    /// Writes (POST, PATCH): retried only on 429 ("not processed") and on failures to connect (never sent);
    /// anything else is reconciled by the caller.
    /// </summary>
    OnlyWhenUnprocessed,
}

/// <summary>One logical API call (possibly several attempts) and what happened to it.</summary>
internal sealed class ApiRequest(HttpMethod method, string path, RetryMode mode, byte[]? jsonBody = null)
{
    public HttpMethod Method { get; } = method;

    /// <summary>Path and query relative to the endpoint, without a leading slash.</summary>
    public string Path { get; } = path;

    public RetryMode Mode { get; } = mode;

    public byte[]? JsonBody { get; } = jsonBody;

    /// <summary>Values to scrub from error texts on top of the credentials (e.g. a one-time code).</summary>
    public IReadOnlyList<string> ExtraSecrets { get; init; } = [];

    /// <summary>HTTP attempts started so far (401 re-sends not counted).</summary>
    public int Attempts { get; set; }

    /// <summary>
    /// True once an attempt may have reached the API (an answer came, or the failure happened after connecting),
    /// so a failure may have come after the request was processed.
    /// </summary>
    public bool Sent { get; set; }

    /// <summary>
    /// True once an attempt failed in a way that may have come after the API applied it (no answer, 5xx), so a
    /// later "already done" answer of a retry can be believed.
    /// </summary>
    public bool HadAmbiguousAttempt { get; set; }

    /// <summary>The path for logs: without the query string.</summary>
    public string LogPath => Path.IndexOf('?', StringComparison.Ordinal) is var q and >= 0 ? Path[..q] : Path;
}
