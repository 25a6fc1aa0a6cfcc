using Kakao.Provider.Dispatch;
using Kakao.Provider.Models;

namespace Kakao.Provider.Tests.Dispatch;

public class ConfigDiffTests
{
    private static PropertyMap Config(string project, string key = "k1") => new PropertyMapBuilder()
        .Set("projectId", PropertyValue.Create(project))
        .Set("keyId", PropertyValue.Create(key))
        .Set("keySecret", PropertyValue.Secret(PropertyValue.Create("s")))
        .Set("version", PropertyValue.Create("0.1.0"))
        .Build();

    [Test]
    public void Diff_Same_IsNone()
    {
        Assert.That(ConfigDiff.Diff(Config("p1"), Config("p1"), Config("p1")).Changes, Is.EqualTo(DiffChanges.None));
    }

    [Test]
    public void Diff_ProjectChanged_IsAnUpdateWithoutReplaces()
    {
        // A provider-level replace makes the engine replace every sender without asking their own Diff.
        var result = ConfigDiff.Diff(Config("p1"), Config("p2"), Config("p1"));

        Assert.Multiple(() =>
        {
            Assert.That(result.Changes, Is.EqualTo(DiffChanges.Some));
            Assert.That(result.Replaces, Is.Empty);
            Assert.That(result.DeleteBeforeReplace, Is.False);
            Assert.That(result.DetailedDiff["projectId"].Kind, Is.EqualTo(PropertyDiffKind.Update));
        });
    }

    [TestCase("projectId")]
    [TestCase("endpoint")]
    [TestCase("authMode")]
    public void Diff_AnyKeyAddedOrRemoved_NeverReplaces(string key)
    {
        var olds = Config("p1");
        var news = Config("p1").With(key, PropertyValue.Create("x"));

        Assert.Multiple(() =>
        {
            Assert.That(ConfigDiff.Diff(olds, news, olds).Replaces, Is.Empty);
            Assert.That(ConfigDiff.Diff(news, olds, news).Replaces, Is.Empty);
        });
    }

    [Test]
    public void Diff_KeyChanged_UpdatesWithoutReplace()
    {
        var result = ConfigDiff.Diff(Config("p1"), Config("p1", "k2"), Config("p1"));

        Assert.Multiple(() =>
        {
            Assert.That(result.Changes, Is.EqualTo(DiffChanges.Some));
            Assert.That(result.Replaces, Is.Empty);
            Assert.That(result.DetailedDiff["keyId"].Kind, Is.EqualTo(PropertyDiffKind.Update));
        });
    }

    [Test]
    public void Diff_UnknownEndpoint_IsSome()
    {
        var news = Config("p1").With("endpoint", PropertyValue.Computed());

        Assert.That(ConfigDiff.Diff(Config("p1"), news, Config("p1")).Changes, Is.EqualTo(DiffChanges.Some));
    }
}
