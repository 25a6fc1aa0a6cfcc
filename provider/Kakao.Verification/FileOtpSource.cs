namespace Kakao.Verification;

/// <summary>The code (or <c>id=code</c> lines) in a file, e.g. a mounted secret; read when needed.</summary>
internal sealed class FileOtpSource(string path) : IOtpSource
{
    public string Description => $"file {path}";

    public bool CanRetry => false;

    public bool CanSupplyCodes => true;

    public bool FixedBeforeRun => false;

    public async Task<OtpRead> ReadAsync(OtpRequest request, CancellationToken cancellationToken)
    {
        try
        {
            var text = await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
            return OtpValues.Pick(text, request.PlusFriendId, Description);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            // A configuration problem (exit 2), not a refused code: nothing was sent to Sinch.
            return OtpRead.Missing($"{Description} does not exist");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return OtpRead.Missing($"{Description} cannot be read ({ex.GetType().Name})");
        }
    }
}
