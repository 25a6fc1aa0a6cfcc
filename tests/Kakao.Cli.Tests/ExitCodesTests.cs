namespace Kakao.Cli.Tests;

public class ExitCodesTests
{
    [Test]
    public void ExitCode_Values_AreTheDocumentedNumbers()
    {
        Assert.That(new[]
            {
                ExitCode.Success, ExitCode.UsageError, ExitCode.InReview, ExitCode.Rejected, ExitCode.VerificationFailed, ExitCode.Timeout,
                ExitCode.ApiFailure, ExitCode.AuthenticationFailed, ExitCode.NotFound, ExitCode.Conflict, ExitCode.Cancelled,
            }.Select(c => (int)c), Is.EqualTo(new[] { 0, 2, 3, 4, 5, 6, 7, 8, 9, 10, 130 }));
    }

    [Test]
    public void Worst_Empty_IsSuccess() => Assert.That(ExitCodes.Worst([]), Is.EqualTo(ExitCode.Success));

    [TestCase(new[] { ExitCode.Success, ExitCode.InReview }, ExitCode.InReview)]
    [TestCase(new[] { ExitCode.InReview, ExitCode.Rejected }, ExitCode.Rejected)]
    [TestCase(new[] { ExitCode.Rejected, ExitCode.VerificationFailed }, ExitCode.VerificationFailed)]
    [TestCase(new[] { ExitCode.VerificationFailed, ExitCode.Timeout }, ExitCode.Timeout)]
    [TestCase(new[] { ExitCode.Timeout, ExitCode.ApiFailure, ExitCode.Success }, ExitCode.ApiFailure)]
    [TestCase(new[] { ExitCode.Timeout, ExitCode.AuthenticationFailed }, ExitCode.AuthenticationFailed)]
    [TestCase(new[] { ExitCode.NotFound, ExitCode.Conflict, ExitCode.InReview }, ExitCode.Conflict)]
    [TestCase(new[] { ExitCode.UsageError, ExitCode.NotFound }, ExitCode.NotFound)]
    public void Worst_Mixed_PicksMostSevere(ExitCode[] codes, ExitCode expected) => Assert.That(ExitCodes.Worst(codes), Is.EqualTo(expected));
}
