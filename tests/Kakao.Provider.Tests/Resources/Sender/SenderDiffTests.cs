using Kakao.Provider.Models;
using Kakao.Provider.Resources.Sender;
using Kakao.Provider.Tests.TestSupport;

namespace Kakao.Provider.Tests.Resources.Sender;

public class SenderDiffTests
{
    private static PropertyMap Olds() => Samples.CheckedInputs()
        .With(SenderProperties.ProjectId, Samples.S(Samples.ProjectId))
        .With(SenderProperties.Status, Samples.S("IN_PROGRESS"))
        .With(SenderProperties.SenderId, Samples.S("id-1"));

    [Test]
    public void Diff_SameInputs_IsNone()
    {
        var result = SenderDiff.Diff(Olds(), Samples.CheckedInputs(), Samples.CheckedInputs());

        Assert.That(result.Changes, Is.EqualTo(DiffChanges.None));
    }

    [Test]
    public void Diff_NameChanged_IsUpdateInPlace()
    {
        var news = Samples.CheckedInputs().With(SenderProperties.Name, Samples.S("New Name"));

        var result = SenderDiff.Diff(Olds(), news, Samples.CheckedInputs());

        Assert.Multiple(() =>
        {
            Assert.That(result.Changes, Is.EqualTo(DiffChanges.Some));
            Assert.That(result.Replaces, Is.Empty);
            Assert.That(result.DetailedDiff[SenderProperties.Name], Is.EqualTo(new PropertyDiff(PropertyDiffKind.Update, InputDiff: true)));
        });
    }

    [Test]
    public void Diff_PlusFriendIdChanged_IsReplace()
    {
        var news = Samples.CheckedInputs().With(SenderProperties.PlusFriendId, Samples.S("@other"));

        var result = SenderDiff.Diff(Olds(), news, Samples.CheckedInputs());

        Assert.Multiple(() =>
        {
            Assert.That(result.Replaces, Is.EqualTo(new[] { SenderProperties.PlusFriendId }));
            Assert.That(result.DetailedDiff[SenderProperties.PlusFriendId].Kind, Is.EqualTo(PropertyDiffKind.UpdateReplace));
            Assert.That(result.DeleteBeforeReplace, Is.False);
        });
    }

    [Test]
    public void Diff_ProjectIdMovedElsewhere_RefusesWithWhatToDoInstead()
    {
        var news = Samples.CheckedInputs().With(SenderProperties.ProjectId, Samples.S("project-2"));

        var error = Assert.Throws<ObjectNotUpdatableException>(() => SenderDiff.Diff(Olds(), news, Samples.CheckedInputs()));

        Assert.That(error!.Message, Does.Contain(Samples.PlusFriendId).And.Contain("60 days")
            .And.Contain($"projectId: {Samples.ProjectId}").And.Contain("pulumi state delete").And.Contain("pulumi import"));
    }

    [Test]
    public void Diff_ProviderProjectChanged_RefusesNamingTheProviderKey()
    {
        var error = Assert.Throws<ObjectNotUpdatableException>(() =>
            SenderDiff.Diff(Olds(), Samples.CheckedInputs(), Samples.CheckedInputs(), defaultProjectId: "project-2"));

        Assert.That(error!.Message, Does.Contain("kakao:projectId").And.Contain("project-2"));
    }

    [Test]
    public void Diff_PlusFriendIdAndProjectChanged_IsReplaceCreatingFirst()
    {
        var news = Samples.CheckedInputs()
            .With(SenderProperties.PlusFriendId, Samples.S("@other"))
            .With(SenderProperties.ProjectId, Samples.S("project-2"));

        var result = SenderDiff.Diff(Olds(), news, Samples.CheckedInputs());

        Assert.Multiple(() =>
        {
            Assert.That(result.Replaces, Is.EquivalentTo(new[] { SenderProperties.PlusFriendId, SenderProperties.ProjectId }));
            Assert.That(result.DeleteBeforeReplace, Is.False);
        });
    }

    [Test]
    public void Diff_ProjectIdWrittenDownAsTheCurrentOne_IsNone()
    {
        var news = Samples.CheckedInputs().With(SenderProperties.ProjectId, Samples.S(Samples.ProjectId));

        var result = SenderDiff.Diff(Olds(), news, Samples.CheckedInputs());

        Assert.That(result.Changes, Is.EqualTo(DiffChanges.None));
    }

    [Test]
    public void Diff_ExplicitDefaultProjectDropped_IsNone()
    {
        var oldInputs = Samples.CheckedInputs().With(SenderProperties.ProjectId, Samples.S(Samples.ProjectId));

        var result = SenderDiff.Diff(Olds(), Samples.CheckedInputs(), oldInputs, defaultProjectId: Samples.ProjectId);

        Assert.That(result.Changes, Is.EqualTo(DiffChanges.None));
    }

    [Test]
    public void Diff_OverrideDroppedBackToAnotherDefault_Refuses()
    {
        var olds = Olds().With(SenderProperties.ProjectId, Samples.S("project-2"));
        var oldInputs = Samples.CheckedInputs().With(SenderProperties.ProjectId, Samples.S("project-2"));

        Assert.Throws<ObjectNotUpdatableException>(() => SenderDiff.Diff(olds, Samples.CheckedInputs(), oldInputs, defaultProjectId: Samples.ProjectId));
    }

    [Test]
    public void Diff_UnknownProjectId_IsAnUpdateUntilKnown()
    {
        // It may turn out to be the same project; the Diff of `up` sees the value and refuses a real move.
        var news = Samples.CheckedInputs().With(SenderProperties.ProjectId, PropertyValue.Computed());

        var result = SenderDiff.Diff(Olds(), news, Samples.CheckedInputs());

        Assert.Multiple(() =>
        {
            Assert.That(result.Changes, Is.EqualTo(DiffChanges.Some));
            Assert.That(result.Replaces, Is.Empty);
        });
    }

    [Test]
    public void Diff_UnknownNewValue_IsSomeNeverNone()
    {
        var news = Samples.CheckedInputs().With(SenderProperties.Name, PropertyValue.Computed());

        var result = SenderDiff.Diff(Olds(), news, Samples.CheckedInputs());

        Assert.Multiple(() =>
        {
            Assert.That(result.Changes, Is.EqualTo(DiffChanges.Some));
            Assert.That(result.DetailedDiff.Keys, Is.EqualTo(new[] { SenderProperties.Name }));
        });
    }

    [Test]
    public void Diff_UnknownPlusFriendId_IsReplace()
    {
        var news = Samples.CheckedInputs().With(SenderProperties.PlusFriendId, PropertyValue.Computed());

        var result = SenderDiff.Diff(Olds(), news, Samples.CheckedInputs());

        Assert.That(result.Replaces, Is.EqualTo(new[] { SenderProperties.PlusFriendId }));
    }

    [Test]
    public void Diff_OnlyOutputsDiffer_IsNone()
    {
        var olds = Olds().With(SenderProperties.Status, Samples.S("REJECTED")).With(SenderProperties.RejectionComment, Samples.S("bad logo"));

        var result = SenderDiff.Diff(olds, Samples.CheckedInputs(), Samples.CheckedInputs());

        Assert.That(result.Changes, Is.EqualTo(DiffChanges.None));
    }

    [Test]
    public void Diff_SubmitAbsentVersusTrue_IsNone()
    {
        var oldInputs = Samples.CheckedInputs().Without(SenderProperties.Submit);

        var result = SenderDiff.Diff(Olds(), Samples.CheckedInputs(), oldInputs);

        Assert.That(result.Changes, Is.EqualTo(DiffChanges.None));
    }

    [Test]
    public void Diff_SubmitTurnedOn_IsUpdate()
    {
        var oldInputs = Samples.CheckedInputs().With(SenderProperties.Submit, PropertyValue.Create(false));

        var result = SenderDiff.Diff(Olds(), Samples.CheckedInputs(), oldInputs);

        Assert.That(result.DetailedDiff[SenderProperties.Submit].Kind, Is.EqualTo(PropertyDiffKind.Update));
    }

    [Test]
    public void Diff_OnlySecretnessDiffers_IsNone()
    {
        var news = Samples.CheckedInputs().With(SenderProperties.Name, Samples.Secret(Samples.Name));

        var result = SenderDiff.Diff(Olds(), news, Samples.CheckedInputs());

        Assert.That(result.Changes, Is.EqualTo(DiffChanges.None));
    }

    [Test]
    public void Diff_LogoAddedAndRemoved_AreAddAndDelete()
    {
        var withLogo = Samples.CheckedInputs().With(SenderProperties.LogoImage, Samples.S("https://example.com/l.png"));

        var added = SenderDiff.Diff(Olds(), withLogo, Samples.CheckedInputs());
        var removed = SenderDiff.Diff(Olds(), Samples.CheckedInputs(), withLogo);

        Assert.Multiple(() =>
        {
            Assert.That(added.DetailedDiff[SenderProperties.LogoImage].Kind, Is.EqualTo(PropertyDiffKind.Add));
            Assert.That(removed.DetailedDiff[SenderProperties.LogoImage].Kind, Is.EqualTo(PropertyDiffKind.Delete));
        });
    }

    [Test]
    public void Diff_NoOldInputs_ComparesWithOutputsAndSaysSo()
    {
        var news = Samples.CheckedInputs().With(SenderProperties.Name, Samples.S("New Name"));

        var result = SenderDiff.Diff(Olds(), news, oldInputs: null);

        Assert.That(result.DetailedDiff[SenderProperties.Name], Is.EqualTo(new PropertyDiff(PropertyDiffKind.Update, InputDiff: false)));
    }

    [Test]
    public void Diff_IgnoredProperty_IsNotAChange()
    {
        var news = Samples.CheckedInputs().With(SenderProperties.Name, Samples.S("New Name"));

        var result = SenderDiff.Diff(Olds(), news, Samples.CheckedInputs(), [SenderProperties.Name]);

        Assert.That(result.Changes, Is.EqualTo(DiffChanges.None));
    }
}
