using Kakao.Cli.Stack;
using Kakao.Provisioning;

namespace Kakao.Cli.Tests.Stack;

/// <summary>The driver authenticates with OAuth2 unless Basic is asked for (issue 15).</summary>
public class ConnectionSettingsAuthModeTests
{
    private static readonly ConnectionSettings Minimal = new() { ProjectId = "p", KeyId = "k", KeySecret = "s" };

    [Test]
    public void Build_NoAuthMode_IsOAuth2() =>
        Assert.That(Minimal.Build("test").AuthMode, Is.EqualTo(ProvisioningAuthMode.OAuth2));

    [TestCase("basic")]
    [TestCase(" BASIC ")]
    public void Build_BasicAskedFor_IsBasic(string mode) =>
        Assert.That((Minimal with { AuthMode = mode }).Build("test").AuthMode, Is.EqualTo(ProvisioningAuthMode.Basic));
}
