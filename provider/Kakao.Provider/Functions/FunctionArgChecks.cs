using Kakao.Provider.Models;
using Kakao.Provider.Typed;
using Kakao.Provisioning;

namespace Kakao.Provider.Functions;

/// <summary>
/// One argument of a lookup function: its wire name, decoded value, whether it is required, and the rule its
/// value must meet (null when it meets it, else the reason, which names the argument).
/// </summary>
internal readonly record struct FunctionArg(string Name, string? Value, bool Required, Func<string, string, string?> Rule)
{
    /// <summary>The rule of a value placed in a URL path: it may address only its own segment.</summary>
    public static string? PathSegmentRule(string name, string value) =>
        PathSegment.Problem(value) is { } problem ? $"{name} {problem}" : null;
}

/// <summary>Argument checks shared by the lookup functions: each failure names its argument, as Check does.</summary>
internal static class FunctionArgChecks
{
    /// <param name="facts">What the reader saw: unknown, secret and wrongly typed arguments.</param>
    /// <param name="lookedUp">What the function looks up, for the message about an unknown argument.</param>
    /// <param name="args">The arguments to check.</param>
    public static IReadOnlyList<CheckFailure> Check(ValueFacts facts, string lookedUp, params FunctionArg[] args)
    {
        var failures = new List<CheckFailure>();
        foreach (var arg in args)
        {
            if (Problem(facts, lookedUp, arg) is { } reason)
            {
                failures.Add(new(arg.Name, reason));
            }
        }

        return failures;
    }

    private static string? Problem(ValueFacts facts, string lookedUp, FunctionArg arg)
    {
        if (facts.Unknowns.Contains(arg.Name))
        {
            return $"{arg.Name} must be known to look {lookedUp} up";
        }

        if (facts.WrongKinds.TryGetValue(arg.Name, out var kind))
        {
            return $"{arg.Name} must be a string (got a {kind})";
        }

        if (string.IsNullOrEmpty(arg.Value))
        {
            // The engine drops an argument whose value is unknown, so "missing" may mean "not known yet": say so.
            return arg.Required
                ? $"{arg.Name} is required (an argument whose value is not known yet, e.g. a new resource's output during a preview, arrives missing)"
                : null;
        }

        return arg.Rule(arg.Name, arg.Value);
    }
}
