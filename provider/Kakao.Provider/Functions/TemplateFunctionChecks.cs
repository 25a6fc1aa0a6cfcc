using Kakao.Provider.Models;
using Kakao.Provider.Typed;
using Kakao.Provisioning;

namespace Kakao.Provider.Functions;

/// <summary>Argument checks shared by the template functions: each failure names its argument, as Check does.</summary>
internal static class TemplateFunctionChecks
{
    /// <param name="facts">What the reader saw: unknown, secret and wrongly typed arguments.</param>
    /// <param name="args">Each argument's name, decoded value and whether it is required.</param>
    public static IReadOnlyList<CheckFailure> Check(ValueFacts facts, params (string Name, string? Value, bool Required)[] args)
    {
        var failures = new List<CheckFailure>();
        foreach (var (name, value, required) in args)
        {
            if (Problem(facts, name, value, required) is { } reason)
            {
                failures.Add(new(name, reason));
            }
        }

        return failures;
    }

    private static string? Problem(ValueFacts facts, string name, string? value, bool required)
    {
        if (facts.Unknowns.Contains(name))
        {
            return $"{name} must be known to look it up";
        }

        if (facts.WrongKinds.TryGetValue(name, out var kind))
        {
            return $"{name} must be a string (got a {kind})";
        }

        if (string.IsNullOrEmpty(value))
        {
            // The engine drops an argument whose value is unknown, so "missing" may mean "not known yet": say so.
            return required
                ? $"{name} is required (an argument whose value is not known yet, e.g. a new resource's output during a preview, arrives missing)"
                : null;
        }

        return PathSegment.Problem(value) is { } problem ? $"{name} {problem}" : null;
    }
}
