using System.Globalization;
using System.Runtime.ExceptionServices;

namespace Kakao.Provisioning.Internal;

/// <summary>
/// Sends writes that must not happen twice (create, register, verify, comment, update, webhook). A 429 is
/// retried by the transport (the request was not processed). After an ambiguous failure — no answer, a
/// timeout, or a 5xx that may have come after the write was applied — the current state is read back:
/// if the write is visible it is reported as done; if it is confirmed absent and the failure was transient,
/// the write is sent again (bounded by <c>MaxRetries</c>); otherwise the failure is raised.
/// A refusal (4xx) of a re-sent write is also checked against the state, because it usually means the earlier,
/// unanswered attempt did succeed (e.g. verify answers 409 once the sender is ACTIVE).
/// </summary>
internal sealed class ReconcilingWriter(ProvisioningTransport transport)
{
    public async Task<T> WriteAsync<T>(
        string operation,
        string target,
        Func<ApiRequest> createRequest,
        Func<ApiRequest, CancellationToken, Task<T>> send,
        Func<CancellationToken, Task<T?>> readBack,
        CancellationToken cancellationToken)
        where T : class
    {
        bool ambiguous = false;
        async ValueTask<T> RoundAsync(CancellationToken token)
        {
            var request = createRequest();
            ProvisioningApiException failure;
            try
            {
                return await send(request, token);
            }
            catch (ProvisioningApiException ex) when ((request.Sent && IsAmbiguous(ex)) || (ambiguous && IsRefusal(ex)))
            {
                failure = ex;
            }

            ambiguous = true;
            Log.Reconciling(transport.Logger, operation, target, Reason(failure));
            T? applied;
            try
            {
                applied = await readBack(token);
            }
            catch (ProvisioningApiException readFailure) when (readFailure.IsTransient)
            {
                throw new ProvisioningApiException(
                    failure.Status,
                    failure.ErrorCode,
                    $"{failure.ApiMessage} The outcome is unknown: reading the current state failed as well ({Reason(readFailure)}).",
                    failure.Resolution,
                    failure.AdditionalInformation,
                    failure)
                {
                    RetryAfter = failure.RetryAfter,
                    OutcomeUnknown = true,
                };
            }

            if (applied is not null)
            {
                Log.ReconciledDone(transport.Logger, operation, target);
                return applied;
            }

            if (!CanResend(failure))
            {
                ExceptionDispatchInfo.Throw(failure);
            }

            // Confirmed absent after a transient failure: the transport's resend pipeline waits and sends again.
            throw new ResendableWrite(operation, target, failure);
        }

        try
        {
            return await transport.ResendPipeline.ExecuteAsync(RoundAsync, cancellationToken);
        }
        catch (ResendableWrite exhausted)
        {
            // Out of re-sends (MaxRetries): the failure is the caller's, as it was.
            ExceptionDispatchInfo.Throw(exhausted.Failure);
            throw;
        }
    }

    /// <summary>No answer, or a server error that may have come after the write was applied.</summary>
    internal static bool IsAmbiguous(ProvisioningApiException ex) => ex.Status is 0 or 500 or 502 or 503 or 504;

    private static bool IsRefusal(ProvisioningApiException ex) => ex.Status is >= 400 and < 500 and not (401 or 403 or 429);

    private static bool CanResend(ProvisioningApiException ex) => ex.Status is 0 or 502 or 503 or 504;

    private static string Reason(ProvisioningApiException ex) =>
        ex.Status == 0 ? ex.ErrorCode ?? ProvisioningApiException.TransportErrorCode : ex.Status.ToString(CultureInfo.InvariantCulture) + (ex.ErrorCode is null ? "" : " " + ex.ErrorCode);
}
