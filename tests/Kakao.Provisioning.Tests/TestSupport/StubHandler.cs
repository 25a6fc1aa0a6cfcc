using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Kakao.Provisioning.Tests.TestSupport;

/// <summary>A request as the stub saw it.</summary>
internal sealed record RecordedRequest(HttpMethod Method, Uri Uri, AuthenticationHeaderValue? Authorization, string? Body, string? ContentType)
{
    public string Path => Uri.AbsolutePath;
}

/// <summary>
/// An in-memory HTTP server: each request is recorded and answered by the responder, which gets the request
/// and its 1-based number. Tests can await the arrival of the n-th request.
/// </summary>
internal sealed class StubHandler(Func<RecordedRequest, int, CancellationToken, Task<HttpResponseMessage>> responder) : HttpMessageHandler
{
    private readonly object _gate = new();
    private readonly List<RecordedRequest> _requests = [];
    private readonly List<(int Count, TaskCompletionSource Signal)> _waiters = [];

    public StubHandler(Func<RecordedRequest, int, HttpResponseMessage> responder)
        : this((request, n, _) => Task.FromResult(responder(request, n)))
    {
    }

    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_gate)
            {
                return [.. _requests];
            }
        }
    }

    public int Count(HttpMethod method, string pathSuffix) =>
        Requests.Count(r => r.Method == method && r.Path.EndsWith(pathSuffix, StringComparison.Ordinal));

    /// <summary>Completes when at least <paramref name="count"/> requests have arrived (fails after 10 s of real time).</summary>
    public Task WaitForRequestsAsync(int count)
    {
        lock (_gate)
        {
            if (_requests.Count >= count)
            {
                return Task.CompletedTask;
            }

            var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((count, signal));
            return signal.Task.WaitAsync(TimeSpan.FromSeconds(10));
        }
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        var recorded = new RecordedRequest(request.Method, request.RequestUri!, request.Headers.Authorization, body, request.Content?.Headers.ContentType?.MediaType);
        int number;
        List<TaskCompletionSource> ready;
        lock (_gate)
        {
            _requests.Add(recorded);
            number = _requests.Count;
            ready = _waiters.Where(w => w.Count <= number).Select(w => w.Signal).ToList();
            _waiters.RemoveAll(w => w.Count <= number);
        }

        foreach (var signal in ready)
        {
            signal.TrySetResult();
        }

        var response = await responder(recorded, number, cancellationToken);
        response.RequestMessage ??= request;
        return response;
    }

    public static HttpResponseMessage Json(HttpStatusCode status, string json, Action<HttpResponseMessage>? configure = null)
    {
        var response = new HttpResponseMessage(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        configure?.Invoke(response);
        return response;
    }

    public static HttpResponseMessage Status(HttpStatusCode status, Action<HttpResponseMessage>? configure = null)
    {
        var response = new HttpResponseMessage(status);
        configure?.Invoke(response);
        return response;
    }

    public static HttpResponseMessage Text(HttpStatusCode status, string text, string mediaType = "text/html")
        => new(status) { Content = new StringContent(text, Encoding.UTF8, mediaType) };

    public static HttpResponseMessage SinchError(HttpStatusCode status, string errorCode, string message = "Something is wrong.", string resolution = "Fix it.") =>
        Json(status, $$"""{"errorCode":"{{errorCode}}","message":"{{message}}","resolution":"{{resolution}}"}""");

    /// <summary>Waits until the caller gives up (cancellation), like a server that never answers.</summary>
    public static async Task<HttpResponseMessage> HangAsync(CancellationToken cancellationToken)
    {
        await Task.Delay(Timeout.Infinite, cancellationToken);
        throw new InvalidOperationException("unreachable");
    }
}
