using Kakao.Provider.Schema;

namespace Kakao.Provider.Tests.Schema;

/// <summary>
/// provider/Kakao.Provider/schema.json is what the generator writes from the records, byte for byte. With
/// <c>KAKAO_WRITE_SCHEMA=1</c> this test writes the file instead (the one command that regenerates it).
/// </summary>
public class SchemaFileTests
{
    internal const string RegenerateCommand =
        "regenerate it with `KAKAO_WRITE_SCHEMA=1 dotnet test tests/Kakao.Provider.Tests --filter FullyQualifiedName~SchemaFileTests`";

    [Test]
    public void SchemaJson_CheckedIn_IsWhatTheGeneratorWrites()
    {
        var path = RepositoryFile("provider/Kakao.Provider/schema.json");
        if (Environment.GetEnvironmentVariable("KAKAO_WRITE_SCHEMA") == "1")
        {
            File.WriteAllText(path, KakaoPackage.SchemaJson);
            Assert.Pass($"wrote {path}");
        }

        Assert.That(File.ReadAllText(path), Is.EqualTo(KakaoPackage.SchemaJson), "schema.json differs from the records: " + RegenerateCommand);
    }

    private static string RepositoryFile(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "KakaoPulumi.sln")))
            {
                return Path.Combine(dir.FullName, relative);
            }
        }

        throw new FileNotFoundException("Repository root (KakaoPulumi.sln) not found above " + AppContext.BaseDirectory);
    }
}
