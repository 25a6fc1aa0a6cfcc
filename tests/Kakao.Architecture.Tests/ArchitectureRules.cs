using ArchUnitNET.Domain;
using ArchUnitNET.Fluent;
using ArchUnitNET.Loader;
using static ArchUnitNET.Fluent.ArchRuleDefinition;
using static ArchUnitNET.Fluent.Slices.SliceRuleDefinition;
using Assembly = System.Reflection.Assembly;

namespace Kakao.Architecture.Tests;

/// <summary>
/// The dependency rules as functions returning their violations, so the same code checks the production
/// assemblies and (in <see cref="RulesFailWhenBrokenTests"/>) fixtures built to break them.
/// </summary>
internal static class ArchitectureRules
{
    /// <summary>Assemblies that are demo or test machinery: what users install must reference none of them.</summary>
    public static readonly string[] TestMachinery =
    [
        "Kakao.Emulator", "Kakao.EngineHarness", "Kakao.Testing", "nunit.framework", "Moq", "Castle.Core",
        "Microsoft.Extensions.TimeProvider.Testing", "Microsoft.VisualStudio.TestPlatform.TestFramework",
    ];

    /// <summary>The names of <paramref name="assembly"/>'s references that are in <paramref name="forbidden"/>.</summary>
    public static IReadOnlyList<string> ForbiddenReferences(Assembly assembly, IEnumerable<string> forbidden)
    {
        var names = forbidden.ToHashSet(StringComparer.Ordinal);
        return [.. assembly.GetReferencedAssemblies().Select(reference => reference.Name!).Where(names.Contains).Order(StringComparer.Ordinal)];
    }

    /// <summary>The plugin's and the driver's assembly names (their executables' names).</summary>
    public const string Plugin = "pulumi-resource-kakao";

    /// <summary>The kakao driver's assembly name.</summary>
    public const string Driver = "kakao";

    /// <summary>The names of <paramref name="assembly"/>'s references that are ours (Kakao.*, the plugin, the driver).</summary>
    public static IReadOnlyList<string> OwnReferences(Assembly assembly) =>
        [.. assembly.GetReferencedAssemblies().Select(reference => reference.Name!)
            .Where(name => name.StartsWith("Kakao.", StringComparison.Ordinal) || name is Plugin or Driver).Order(StringComparer.Ordinal)];

    /// <summary>The namespace cycles among the namespaces directly below <paramref name="root"/> (each with its sub-namespaces).</summary>
    public static IReadOnlyList<string> NamespaceCycles(ArchUnitNET.Domain.Architecture architecture, string root)
    {
        IArchRule rule = Slices().Matching(root + ".(*)").Should().BeFreeOfCycles();
        return Violations(rule, architecture);
    }

    /// <summary>
    /// Types in <paramref name="assembly"/> outside <paramref name="allowedNamespaces"/> that depend on a type
    /// whose full name starts with one of <paramref name="forbiddenPrefixes"/>.
    /// </summary>
    public static IReadOnlyList<string> ForbiddenTypeDependencies(
        ArchUnitNET.Domain.Architecture architecture,
        Assembly assembly,
        IReadOnlyCollection<string> allowedNamespaces,
        IReadOnlyCollection<string> forbiddenPrefixes)
    {
        var violations = new List<string>();
        foreach (var type in architecture.Types.Where(t => t.Assembly.FullName == assembly.FullName))
        {
            var ns = type.Namespace.FullName;
            if (allowedNamespaces.Any(allowed => ns == allowed || ns.StartsWith(allowed + ".", StringComparison.Ordinal)) || IsCompilerGenerated(type))
            {
                continue;
            }

            foreach (var target in type.Dependencies.Select(d => d.Target.FullName).Distinct(StringComparer.Ordinal))
            {
                if (forbiddenPrefixes.Any(prefix => target.StartsWith(prefix, StringComparison.Ordinal)))
                {
                    violations.Add($"{type.FullName} -> {target}");
                }
            }
        }

        return violations;
    }

    public static ArchUnitNET.Domain.Architecture Load(params Assembly[] assemblies) => new ArchLoader().LoadAssemblies(assemblies).Build();

    private static bool IsCompilerGenerated(IType type) => type.Name.StartsWith('<') || type.FullName.Contains("<", StringComparison.Ordinal);

    private static IReadOnlyList<string> Violations(IArchRule rule, ArchUnitNET.Domain.Architecture architecture) =>
        [.. rule.Evaluate(architecture).Where(result => !result.Passed).Select(result => result.Description)];
}
