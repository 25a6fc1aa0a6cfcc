namespace Kakao.Provisioning.Internal;

/// <summary>
/// One request budget shared by every concurrent call of a connection group (a client and the clients
/// <see cref="ProvisioningClient.ForProject"/> derives from it), so that parallel work under the API's rate limit
/// slows down instead of failing. It does nothing until the API answers 429 while requests are succeeding
/// (evidence of a limit, not of a lone fault). Then it paces every attempt at a little under the rate the API
/// was letting through, slows down by a fifth at each further 429, speeds up by 1 % per answered request, and
/// forgets the limit after a quiet period.
/// </summary>
internal sealed class RequestBudget(TimeProvider time)
{
    /// <summary>How much of the observed rate pacing uses: the margin keeps a token bucket from running dry.</summary>
    internal const double Headroom = 0.9;

    internal const double SlowDown = 0.8;

    internal const double SpeedUp = 1.01;

    /// <summary>Slowest pace (one request per two seconds): a budget never stalls a call for longer.</summary>
    internal const double MinRate = 0.5;

    /// <summary>Answers needed within the window before a 429 is taken as a rate limit.</summary>
    internal const int MinEvidence = 2;

    internal static readonly TimeSpan Window = TimeSpan.FromSeconds(1);

    internal static readonly TimeSpan QuietReset = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Retry-After values up to this are left to the pace (a token bucket's "come back in a second"); longer ones
    /// pause every call of the budget until then.
    /// </summary>
    internal static readonly TimeSpan PacedRetryAfter = TimeSpan.FromSeconds(2);

    private readonly Lock _gate = new();
    private readonly Queue<DateTimeOffset> _answers = new();
    private double? _rate;
    private DateTimeOffset _nextSlot;
    private DateTimeOffset _lastThrottle;
    private DateTimeOffset _lastAdjustment = DateTimeOffset.MinValue;

    /// <summary>The current pace in requests per second, or null when not pacing.</summary>
    public double? Rate
    {
        get
        {
            lock (_gate)
            {
                return _rate;
            }
        }
    }

    /// <summary>Waits for this attempt's slot; returns at once when not pacing.</summary>
    public async ValueTask AcquireAsync(CancellationToken cancellationToken)
    {
        TimeSpan wait;
        lock (_gate)
        {
            var now = time.GetUtcNow();
            if (_rate is { } rate && now - _lastThrottle > QuietReset)
            {
                _rate = null;
            }

            if (_rate is not { } pace)
            {
                return;
            }

            var slot = _nextSlot > now ? _nextSlot : now;
            _nextSlot = slot + TimeSpan.FromSeconds(1 / pace);
            wait = slot - now;
        }

        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, time, cancellationToken);
        }
    }

    /// <summary>An answer other than 429 arrived.</summary>
    public void OnAnswered()
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            _answers.Enqueue(now);
            Prune(now);
            if (_rate is { } rate)
            {
                _rate = rate * SpeedUp;
            }
        }
    }

    /// <summary>
    /// A 429 arrived for a request sent at <paramref name="sentAt"/>: learn the limit (or lower the pace) and push
    /// the next slot out. The other 429s of requests sent before that adjustment are the same news, not more.
    /// </summary>
    public void OnThrottled(DateTimeOffset sentAt, TimeSpan? retryAfter = null)
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            Prune(now);
            _lastThrottle = now;
            if (retryAfter > PacedRetryAfter && _rate is not null && _nextSlot < now + retryAfter.Value)
            {
                // A quota window rather than a bucket: nobody sends before it ends.
                _nextSlot = now + retryAfter.Value;
            }

            if (sentAt <= _lastAdjustment)
            {
                return;
            }

            if (_rate is { } rate)
            {
                _rate = Math.Max(MinRate, rate * SlowDown);
            }
            else if (_answers.Count >= MinEvidence)
            {
                _rate = Math.Max(MinRate, _answers.Count / Window.TotalSeconds * Headroom);
            }
            else
            {
                return;
            }

            _lastAdjustment = now;

            // The bucket behind the 429 is empty now: the first paced request waits one interval.
            var first = now + TimeSpan.FromSeconds(1 / _rate.Value);
            if (_nextSlot < first)
            {
                _nextSlot = first;
            }
        }
    }

    /// <summary>
    /// Whether a retry after a 429 asking for <paramref name="retryAfter"/> may skip its own wait because the
    /// budget's pace already schedules it under the limit.
    /// </summary>
    public bool PacesRetryAfter(TimeSpan retryAfter)
    {
        lock (_gate)
        {
            return _rate is not null && retryAfter <= PacedRetryAfter;
        }
    }

    private void Prune(DateTimeOffset now)
    {
        while (_answers.Count > 0 && now - _answers.Peek() > Window)
        {
            _answers.Dequeue();
        }
    }
}
