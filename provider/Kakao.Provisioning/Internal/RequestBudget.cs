namespace Kakao.Provisioning.Internal;

/// <summary>
/// One request budget shared by every concurrent call of a connection group (a client and the clients
/// <see cref="ProvisioningClient.ForProject"/> derives from it), so that parallel work under the API's rate limit
/// slows down instead of failing. It does nothing until a run of 429s shows a limit (at least three within a
/// second, a quarter of the answers there) rather than scattered faults. Then every call waits out the
/// Retry-After while the limit is learned from the answers of the last second and of the pause, and attempts
/// are paced like a token bucket just under it (a burst of the learned size after idle time, one interval apart
/// otherwise: GCRA). A further 429 slows the pace by a tenth and lowers the ceiling it recovers to (0.5 % per
/// answer); the limit is forgotten after a quiet period.
/// </summary>
internal sealed class RequestBudget(TimeProvider time)
{
    /// <summary>
    /// How much of the answers counted around the first 429 the pace starts at. The count overstates the limit (a
    /// token bucket admits its burst plus what refills meanwhile: 22–24 for 20 req/s), hence the wide margin.
    /// </summary>
    internal const double Headroom = 0.75;

    /// <summary>The ceiling the pace may recover to, as a share of that count.</summary>
    internal const double CeilingShare = 0.95;

    internal const double SlowDown = 0.9;

    /// <summary>Recovery per answered request after a slow-down, up to the ceiling.</summary>
    internal const double SpeedUp = 1.005;

    /// <summary>How much each further 429 lowers the ceiling the pace recovers to.</summary>
    internal const double CeilingDecay = 0.97;

    /// <summary>Slowest pace (one request per two seconds): a budget never stalls a call for longer.</summary>
    internal const double MinRate = 0.5;

    /// <summary>Answers needed within the window before a 429 is taken as a rate limit.</summary>
    internal const int MinEvidence = 2;

    /// <summary>429s within the window, and their share of all answers there, that show a limit rather than faults.</summary>
    internal const int MinThrottles = 3;

    internal const double MinThrottleShare = 0.25;

    internal static readonly TimeSpan Window = TimeSpan.FromSeconds(1);

    internal static readonly TimeSpan QuietReset = TimeSpan.FromSeconds(30);

    /// <summary>Longest pause a learned limit imposes on every call (a longer Retry-After is the caller's own wait).</summary>
    internal static readonly TimeSpan MaxPause = TimeSpan.FromSeconds(5);

    private readonly Lock _gate = new();
    private readonly Queue<DateTimeOffset> _answers = new();
    private readonly Queue<DateTimeOffset> _throttles = new();
    private double? _rate;
    private double _ceiling;
    private double _burst;
    private DateTimeOffset _theoreticalArrival;
    private DateTimeOffset _pausedUntil;
    private DateTimeOffset _lastThrottle;
    private DateTimeOffset _lastAdjustment = DateTimeOffset.MinValue;
    private bool _learning;
    private int _learnCount;

    /// <summary>The current pace in requests per second, or null when not pacing.</summary>
    public double? Rate
    {
        get
        {
            lock (_gate)
            {
                if (_learning && time.GetUtcNow() >= _pausedUntil)
                {
                    FinishLearning();
                }

                return _learning ? null : _rate;
            }
        }
    }

    /// <summary>Waits for this attempt's slot; returns at once when not pacing.</summary>
    public async ValueTask AcquireAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            TimeSpan wait;
            bool final;
            lock (_gate)
            {
                var now = time.GetUtcNow();
                if (_learning && now >= _pausedUntil)
                {
                    FinishLearning();
                }

                if (_rate is not null && now - _lastThrottle > QuietReset)
                {
                    _rate = null;
                }

                if (_learning)
                {
                    // Wait out the pause, then take a slot at the pace learned by then.
                    wait = _pausedUntil - now;
                    final = false;
                }
                else if (_rate is not { } rate)
                {
                    return;
                }
                else
                {
                    var interval = TimeSpan.FromSeconds(1 / rate);
                    var tolerance = interval * Math.Max(0, _burst - 1);
                    var slot = Latest(now, _theoreticalArrival - tolerance);
                    _theoreticalArrival = Latest(_theoreticalArrival, slot) + interval;
                    wait = slot - now;
                    final = true;
                }
            }

            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, time, cancellationToken);
            }

            if (final)
            {
                return;
            }
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
            if (_learning)
            {
                _learnCount++;
            }
            else if (_rate is { } rate)
            {
                _rate = Math.Min(_ceiling, rate * SpeedUp);
            }
        }
    }

    /// <summary>
    /// A 429 arrived for a request sent at <paramref name="sentAt"/>: learn the limit (or lower the pace). The
    /// other 429s of requests sent before that adjustment are the same news, not more.
    /// </summary>
    public void OnThrottled(DateTimeOffset sentAt, TimeSpan? retryAfter = null)
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            _throttles.Enqueue(now);
            Prune(now);

            // Scattered 429s (faults, another client's spike) are retried by the caller; only a run of them is a limit.
            bool limited = _throttles.Count >= MinThrottles && _throttles.Count >= MinThrottleShare * (_throttles.Count + _answers.Count);
            if (_learning || (_rate is null && !limited) || sentAt <= _lastAdjustment)
            {
                return;
            }

            _lastThrottle = now;
            if (_rate is { } rate)
            {
                _rate = Math.Max(MinRate, rate * SlowDown);
                _ceiling = Math.Max(MinRate, _ceiling * CeilingDecay);

                // The server's bucket is empty: no burst until idle time rebuilds it, next slot one interval out.
                _theoreticalArrival = Latest(_theoreticalArrival, now + TimeSpan.FromSeconds(Math.Max(1, _burst) / _rate.Value));
            }
            else
            {
                // The answers of this burst may still be on their way (a 429 is quick to write): count them
                // while every call waits out the Retry-After, and set the pace when the pause ends.
                _learning = true;
                _learnCount = _answers.Count;
                var pause = retryAfter is { } asked && asked > TimeSpan.Zero ? asked : Window;
                _pausedUntil = now + (pause < MaxPause ? pause : MaxPause);
            }

            _lastAdjustment = now;
        }
    }

    /// <summary>
    /// Whether a retry after a 429 asking for <paramref name="retryAfter"/> may skip its own wait because the
    /// budget already schedules it under the limit (the pause covers the Retry-After).
    /// </summary>
    public bool PacesRetryAfter(TimeSpan retryAfter)
    {
        lock (_gate)
        {
            return _rate is not null && !_learning && retryAfter <= MaxPause;
        }
    }

    private void FinishLearning()
    {
        _learning = false;
        if (_learnCount < MinEvidence)
        {
            // A lone 429 (nothing else was answered around it): a fault, not a limit.
            return;
        }

        _rate = Math.Max(MinRate, _learnCount / Window.TotalSeconds * Headroom);
        _ceiling = Math.Max(_rate.Value, _learnCount / Window.TotalSeconds * CeilingShare);
        _burst = Math.Max(1, Math.Floor(_learnCount * Headroom));
        _theoreticalArrival = _pausedUntil;
    }

    private static DateTimeOffset Latest(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private void Prune(DateTimeOffset now)
    {
        foreach (var queue in new[] { _answers, _throttles })
        {
            while (queue.Count > 0 && now - queue.Peek() > Window)
            {
                queue.Dequeue();
            }
        }
    }
}
