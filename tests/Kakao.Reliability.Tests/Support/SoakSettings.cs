using System.Globalization;

namespace Kakao.Reliability.Tests.Support;

/// <summary>
/// CI-sized by default; <c>KAKAO_SOAK=long</c> runs the long mode; <c>KAKAO_SOAK_SEED=n</c> replays a seed.
/// </summary>
internal sealed record SoakSettings(bool Long, int Seed, int Senders, int Concurrency, int RetryAfterSeconds, int LatencySpikeMs, int MalformedInputs)
{
    public const string ModeVariable = "KAKAO_SOAK";
    public const string SeedVariable = "KAKAO_SOAK_SEED";
    public const int DefaultSeed = 20261126;

    public static SoakSettings Current { get; } = FromEnvironment();

    private static SoakSettings FromEnvironment()
    {
        bool isLong = string.Equals(Environment.GetEnvironmentVariable(ModeVariable), "long", StringComparison.OrdinalIgnoreCase);
        int seed = int.TryParse(Environment.GetEnvironmentVariable(SeedVariable), NumberStyles.Integer, CultureInfo.InvariantCulture, out var s) ? s : DefaultSeed;
        return isLong
            ? new SoakSettings(true, seed, Senders: 400, Concurrency: 32, RetryAfterSeconds: 1, LatencySpikeMs: 400, MalformedInputs: 5000)
            : new SoakSettings(false, seed, Senders: 64, Concurrency: 32, RetryAfterSeconds: 0, LatencySpikeMs: 150, MalformedInputs: 560);
    }
}
