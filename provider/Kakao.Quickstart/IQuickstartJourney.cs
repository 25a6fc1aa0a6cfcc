namespace Kakao.Quickstart;

/// <summary>One way of taking the sender from nothing to ACTIVE: the pulumi CLI, or the engine harness.</summary>
internal interface IQuickstartJourney
{
    /// <summary>What the summary calls this path.</summary>
    string Label { get; }

    /// <summary>The observed statuses.</summary>
    Journey Journey { get; }

    /// <summary>Runs the journey; the exit code is decided on the last status read from the engine's state.</summary>
    Task<int> RunAsync(CancellationToken cancellationToken);

    /// <summary>Where the sender's state lives, printed after the journey.</summary>
    IReadOnlyList<string> DescribeState(bool keep);

    /// <summary>Removes what the journey created (with <paramref name="keep"/>: stops processes only).</summary>
    Task CleanupAsync(bool keep, CancellationToken cancellationToken);
}
