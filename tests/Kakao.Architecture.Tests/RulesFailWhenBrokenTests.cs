using System.Reflection;

namespace Kakao.Architecture.Tests;

/// <summary>
/// Each kind of rule run against something that breaks it (this test assembly and Fixtures/BrokenRules.cs):
/// the rules can fail, so their passing on the production assemblies means something.
/// </summary>
public class RulesFailWhenBrokenTests
{
    private static readonly Assembly Self = typeof(RulesFailWhenBrokenTests).Assembly;

    private static readonly Lazy<ArchUnitNET.Domain.Architecture> Fixtures = new(() => ArchitectureRules.Load(Self));

    [Test]
    public void NamespaceCycles_TwoNamespacesUsingEachOther_AreReported()
    {
        var cycles = ArchitectureRules.NamespaceCycles(Fixtures.Value, "Kakao.Architecture.Tests.Fixtures.Cycle");

        Assert.That(cycles, Is.Not.Empty);
    }

    [Test]
    public void ForbiddenTypeDependencies_DomainTypeSeeingProtobuf_IsReported()
    {
        var violations = ArchitectureRules.ForbiddenTypeDependencies(Fixtures.Value, Self, ["Kakao.Architecture.Tests.Fixtures.Cycle"], ["Google.Protobuf"]);

        Assert.That(violations, Has.Some.StartsWith("Kakao.Architecture.Tests.Fixtures.Domain.LeakyDomain -> Google.Protobuf"));
    }

    [Test]
    public void ForbiddenReferences_AssemblyReferencingTheEmulator_IsReported()
    {
        // This test assembly references the emulator (to load it for the rules): as a "shipped" assembly it fails.
        Assert.That(ArchitectureRules.ForbiddenReferences(Self, ArchitectureRules.TestMachinery), Does.Contain("Kakao.Emulator"));
    }

    [Test]
    public void OwnReferences_AssemblyReferencingOurs_AreListed()
    {
        Assert.That(ArchitectureRules.OwnReferences(Self), Does.Contain("Kakao.Provisioning"));
    }
}
