namespace Kakao.Emulator.Tests.Support;

/// <summary>The set-up of the fixtures that restart the emulator on a --data file: each test gets its own empty directory, deleted after it.</summary>
public abstract class DataFileFixture
{
    protected string DataDirectory { get; private set; } = null!;

    /// <summary>The state file inside <see cref="DataDirectory"/> (not created; the emulator writes it).</summary>
    protected string DataFile { get; private set; } = null!;

    [SetUp]
    public void CreateDataDirectory()
    {
        DataDirectory = Path.Combine(Path.GetTempPath(), "kakao-emulator-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(DataDirectory);
        DataFile = Path.Combine(DataDirectory, "state.json");
    }

    [TearDown]
    public void DeleteDataDirectory() => Directory.Delete(DataDirectory, recursive: true);
}
