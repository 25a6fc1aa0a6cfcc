
namespace Kakao.Verification;

/// <summary>A person types the code at a masked prompt.</summary>
internal sealed class PromptOtpSource(IVerificationConsole console) : IOtpSource
{
    public string Description => "the prompt";

    public bool CanRetry => true;

    public bool CanSupplyCodes => true;

    public bool FixedBeforeRun => false;

    public async Task<OtpRead> ReadAsync(OtpRequest request, CancellationToken cancellationToken)
    {
        while (true)
        {
            var answer = await console.PromptSecretAsync($"Code sent to the admin phone of {request.PlusFriendId} (empty to skip):", cancellationToken).ConfigureAwait(false);
            if (answer is null)
            {
                return OtpRead.Missing("no code was entered");
            }

            if (OtpCode.TryParse(answer, out var code))
            {
                return OtpRead.Of(code);
            }

            console.Warn("That is not a 6-digit code; try again.");
        }
    }
}
