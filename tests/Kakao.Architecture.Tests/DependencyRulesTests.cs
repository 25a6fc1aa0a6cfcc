using System.Reflection;
using Kakao.Provisioning;

namespace Kakao.Architecture.Tests;

/// <summary>
/// The repository's dependency rules (docs/architecture.md, the developers' guide): the client depends on none
/// of ours; the emulator and the harness share nothing with what they test; the plugin never references them;
/// the plugin's domain never sees protobuf or gRPC; no namespace cycles; what users install carries no demo or
/// test machinery.
/// </summary>
public class DependencyRulesTests
{
    private static readonly Assembly Provisioning = typeof(ProvisioningClient).Assembly;
    private static readonly Assembly Provider = Assembly.Load(ArchitectureRules.Plugin);
    private static readonly Assembly Verification = typeof(Kakao.Verification.StackVerifier).Assembly;
    private static readonly Assembly Cli = Assembly.Load(ArchitectureRules.Driver);
    private static readonly Assembly Emulator = typeof(Kakao.Emulator.EmulatorServer).Assembly;
    private static readonly Assembly EngineHarness = typeof(Kakao.EngineHarness.ProviderSession).Assembly;

    private static readonly Lazy<ArchUnitNET.Domain.Architecture> Production =
        new(() => ArchitectureRules.Load(Provisioning, Provider, Verification, Cli, Emulator, EngineHarness));

    /// <summary>Every production assembly with the namespace its code lives under.</summary>
    public static IEnumerable<TestCaseData> ProductionAssemblies()
    {
        yield return new TestCaseData(Provisioning, "Kakao.Provisioning").SetArgDisplayNames("Kakao.Provisioning");
        yield return new TestCaseData(Provider, "Kakao.Provider").SetArgDisplayNames("Kakao.Provider");
        yield return new TestCaseData(Verification, "Kakao.Verification").SetArgDisplayNames("Kakao.Verification");
        yield return new TestCaseData(Cli, "Kakao.Cli").SetArgDisplayNames("Kakao.Cli");
        yield return new TestCaseData(Emulator, "Kakao.Emulator").SetArgDisplayNames("Kakao.Emulator");
        yield return new TestCaseData(EngineHarness, "Kakao.EngineHarness").SetArgDisplayNames("Kakao.EngineHarness");
    }

    /// <summary>What users install: the plugin, the kakao driver, its library and the client.</summary>
    public static IEnumerable<TestCaseData> Shipped()
    {
        yield return new TestCaseData(Provider).SetArgDisplayNames("Kakao.Provider");
        yield return new TestCaseData(Cli).SetArgDisplayNames("Kakao.Cli");
        yield return new TestCaseData(Verification).SetArgDisplayNames("Kakao.Verification");
        yield return new TestCaseData(Provisioning).SetArgDisplayNames("Kakao.Provisioning");
    }

    [Test]
    public void Provisioning_References_NoneOfOurAssemblies()
    {
        Assert.That(ArchitectureRules.OwnReferences(Provisioning), Is.Empty);
    }

    [TestCase("Kakao.Emulator")]
    [TestCase("Kakao.EngineHarness")]
    public void EmulatorAndHarness_References_NothingTheyTest(string name)
    {
        var assembly = name == "Kakao.Emulator" ? Emulator : EngineHarness;

        Assert.That(
            ArchitectureRules.ForbiddenReferences(assembly, ["Kakao.Provisioning", ArchitectureRules.Plugin, "Kakao.Verification", ArchitectureRules.Driver]),
            Is.Empty,
            $"{name} meets what it tests on the wire only");
    }

    [Test]
    public void Provider_References_NeitherEmulatorNorHarness()
    {
        Assert.That(ArchitectureRules.ForbiddenReferences(Provider, ["Kakao.Emulator", "Kakao.EngineHarness"]), Is.Empty);
    }

    [Test]
    public void ProviderDomain_DependsOn_NoProtobufType()
    {
        // The generated messages (Kakao.Provider.Protocol) and Google.Protobuf are seen by the gRPC adapter only.
        var violations = ArchitectureRules.ForbiddenTypeDependencies(
            Production.Value, Provider, ["Kakao.Provider.Grpc", "Kakao.Provider.Protocol"], ["Google.Protobuf", "Kakao.Provider.Protocol", "Google.Rpc"]);

        Assert.That(violations, Is.Empty);
    }

    [Test]
    public void ProviderDomain_DependsOn_NoGrpcType()
    {
        // Hosting is the composition root: it registers the adapter's service with ASP.NET Core gRPC (AddGrpc,
        // MapGrpcService) and sees no message type (the rule above).
        var violations = ArchitectureRules.ForbiddenTypeDependencies(
            Production.Value, Provider, ["Kakao.Provider.Grpc", "Kakao.Provider.Protocol", "Kakao.Provider.Hosting"], ["Grpc."]);

        Assert.That(violations, Is.Empty);
    }

    [TestCaseSource(nameof(ProductionAssemblies))]
    public void ProductionAssembly_Namespaces_HaveNoCycles(Assembly assembly, string root)
    {
        Assert.That(ArchitectureRules.NamespaceCycles(Production.Value, root), Is.Empty, $"namespace cycles in {assembly.GetName().Name}");
    }

    [TestCaseSource(nameof(Shipped))]
    public void ShippedAssembly_References_NoDemoOrTestMachinery(Assembly assembly)
    {
        Assert.That(ArchitectureRules.ForbiddenReferences(assembly, ArchitectureRules.TestMachinery), Is.Empty);
    }
}
