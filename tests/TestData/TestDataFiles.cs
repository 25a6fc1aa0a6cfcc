namespace Kakao.TestData;

/// <summary>
/// The facts the tests read, kept in the repository under tests/TestData (where each comes from and how to
/// refresh it: tests/TestData/README.md). Linked into every test project by tests/Directory.Build.props, so a
/// test never needs the team's facts folder beside the repository: a fresh clone passes alone.
/// </summary>
internal static class TestDataFiles
{
    private static readonly Lazy<string> RepositoryRoot = new(Kakao.Testing.RepositoryRoot.Find);

    /// <summary>The Sinch Provisioning API facts: operations, schemas, examples and the error table.</summary>
    public static string SinchOpenApiFacts => PathOf("sinch/kakaotalk-openapi-facts.json");

    /// <summary>The engine's wire table: every pulumirpc message, field number, enum value and method path.</summary>
    public static string PulumiRpcWire => PathOf("protocol/pulumirpc-wire.json");

    /// <summary>The repository root of the running tests (the nearest folder above them with KakaoPulumi.sln).</summary>
    public static string RepositoryRootPath => RepositoryRoot.Value;

    /// <summary>The full path of a file under tests/TestData, given as a '/'-separated relative path.</summary>
    public static string PathOf(string relativePath)
    {
        ArgumentException.ThrowIfNullOrEmpty(relativePath);
        var path = Path.Combine(RepositoryRoot.Value, "tests", "TestData", relativePath.Replace('/', Path.DirectorySeparatorChar));
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException($"tests/TestData/{relativePath} is missing from the repository (see tests/TestData/README.md).", path);
    }
}
