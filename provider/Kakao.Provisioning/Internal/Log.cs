using Microsoft.Extensions.Logging;

namespace Kakao.Provisioning.Internal;

/// <summary>
/// Every log line the client writes. Paths and statuses only: never headers, bodies, tokens or codes.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "{Method} {Path} answered {Status} in {ElapsedMs:0} ms (attempt {Attempt})")]
    public static partial void Answered(ILogger logger, string method, string path, int status, double elapsedMs, int attempt);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "{Method} {Path} failed with {Status} in {ElapsedMs:0} ms (attempt {Attempt})")]
    public static partial void AnsweredError(ILogger logger, string method, string path, int status, double elapsedMs, int attempt);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "{Method} {Path} got no answer after {ElapsedMs:0} ms (attempt {Attempt}): {Reason}")]
    public static partial void NoAnswer(ILogger logger, string method, string path, double elapsedMs, int attempt, string reason);

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning, Message = "Retrying {Method} {Path} in {DelayMs:0} ms (retry {Retry} of {MaxRetries}) after {Reason}")]
    public static partial void Retrying(ILogger logger, string method, string path, double delayMs, int retry, int maxRetries, string reason);

    [LoggerMessage(EventId = 5, Level = LogLevel.Debug, Message = "Obtained an OAuth2 token valid for {Lifetime}")]
    public static partial void TokenObtained(ILogger logger, TimeSpan lifetime);

    [LoggerMessage(EventId = 6, Level = LogLevel.Information, Message = "{Method} {Path} was answered 401; retrying once with a fresh token")]
    public static partial void RetryingWithFreshToken(ILogger logger, string method, string path);

    [LoggerMessage(EventId = 7, Level = LogLevel.Warning, Message = "{Operation} of {Target} ended ambiguously ({Reason}); reading the current state before deciding")]
    public static partial void Reconciling(ILogger logger, string operation, string target, string reason);

    [LoggerMessage(EventId = 8, Level = LogLevel.Information, Message = "{Operation} of {Target} had taken effect; not sending it again")]
    public static partial void ReconciledDone(ILogger logger, string operation, string target);

    [LoggerMessage(EventId = 9, Level = LogLevel.Warning, Message = "{Operation} of {Target} had not taken effect; sending it again in {DelayMs:0} ms")]
    public static partial void ReconciledResend(ILogger logger, string operation, string target, double delayMs);
}
