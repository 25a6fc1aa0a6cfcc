namespace Kakao.Provisioning;

/// <summary>
/// The one exception the client raises for a failed call: an error answer of the API (with Sinch's
/// <c>errorCode</c>, <c>message</c>, <c>resolution</c>) or a transport failure / timeout after retries
/// (<see cref="Status"/> 0). It never carries credentials, tokens or one-time codes.
/// </summary>
public class ProvisioningApiException : Exception
{
    /// <summary>Error code used when no HTTP answer was received (connection failure).</summary>
    public const string TransportErrorCode = "transport_error";

    /// <summary>Error code used when the per-attempt or overall timeout elapsed.</summary>
    public const string TimeoutErrorCode = "request_timeout";

    /// <summary>Error code used when a success answer could not be read (not the JSON the API documents).</summary>
    public const string InvalidResponseErrorCode = "invalid_response";

    /// <summary>Error code used when the OAuth2 token endpoint's answer could not be used.</summary>
    public const string InvalidTokenResponseErrorCode = "invalid_token_response";

    /// <summary>Creates the exception.</summary>
    /// <param name="status">HTTP status code, or 0 when no answer was received.</param>
    /// <param name="errorCode">Sinch's <c>errorCode</c> (e.g. <c>sender_not_found</c>), or one of ours.</param>
    /// <param name="apiMessage">Sinch's <c>message</c> (or the problem-details title/detail).</param>
    /// <param name="resolution">Sinch's <c>resolution</c>.</param>
    /// <param name="additionalInformation">Sinch's <c>additionalInformation</c>, values as lists.</param>
    /// <param name="innerException">The underlying failure, if any.</param>
    public ProvisioningApiException(
        int status,
        string? errorCode,
        string? apiMessage,
        string? resolution = null,
        IReadOnlyDictionary<string, IReadOnlyList<string>>? additionalInformation = null,
        Exception? innerException = null)
        : base(Compose(status, errorCode, apiMessage, resolution, additionalInformation), innerException)
    {
        Status = status;
        ErrorCode = errorCode;
        ApiMessage = apiMessage;
        Resolution = resolution;
        AdditionalInformation = additionalInformation ?? new Dictionary<string, IReadOnlyList<string>>();
    }

    /// <summary>HTTP status code; 0 when the API gave no answer.</summary>
    public int Status { get; }

    /// <summary>Sinch's <c>errorCode</c>, e.g. <c>plus_friend_id_used</c>.</summary>
    public string? ErrorCode { get; }

    /// <summary>Sinch's <c>message</c>.</summary>
    public string? ApiMessage { get; }

    /// <summary>Sinch's <c>resolution</c>: what to do about it.</summary>
    public string? Resolution { get; }

    /// <summary>Sinch's <c>additionalInformation</c> (e.g. <c>validationErrors</c>, <c>supportedCodes</c>).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> AdditionalInformation { get; }

    /// <summary>The <c>validationErrors</c> of an <c>invalid_input</c> answer, if any.</summary>
    public IReadOnlyList<string> ValidationErrors =>
        AdditionalInformation.TryGetValue("validationErrors", out var errors) ? errors : [];

    /// <summary>
    /// The code of the draft the API kept when a template submission with <c>saveDraftOnFailure</c> failed (a 424
    /// <c>template_kakaotalk_validation_error</c> or a 500 naming <c>additionalInformation.templateCode</c>); null
    /// otherwise. The caller can adopt that draft (read, fix and resubmit it) instead of creating another.
    /// </summary>
    public string? SavedDraftTemplateCode =>
        AdditionalInformation.TryGetValue("templateCode", out var codes) && codes is [{ Length: > 0 } code, ..] ? code : null;

    /// <summary>
    /// How long the server asked to wait (<c>Retry-After</c>, seconds or HTTP date) before trying again, when it
    /// said so; null otherwise.
    /// </summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>
    /// True when a write may have been applied but its outcome could not be confirmed (no answer, then reading
    /// the state failed as well): the caller must assume the object may exist.
    /// </summary>
    public bool OutcomeUnknown { get; init; }

    /// <summary>True for failures worth retrying later (429, 5xx, transport, timeout).</summary>
    public bool IsTransient => Status is 0 or 429 or >= 500;

    private static string Compose(
        int status,
        string? errorCode,
        string? apiMessage,
        string? resolution,
        IReadOnlyDictionary<string, IReadOnlyList<string>>? additionalInformation)
    {
        var text = status == 0
            ? $"Provisioning API call failed ({errorCode ?? TransportErrorCode})"
            : $"Provisioning API answered {status}" + (errorCode is null ? "" : $" {errorCode}");
        if (!string.IsNullOrWhiteSpace(apiMessage))
        {
            text += $": {apiMessage}";
        }

        if (additionalInformation is { Count: > 0 })
        {
            text += " [" + string.Join("; ", additionalInformation.Select(kv => $"{kv.Key}: {string.Join(", ", kv.Value)}")) + "]";
        }

        if (!string.IsNullOrWhiteSpace(resolution))
        {
            text += $" Resolution: {resolution}";
        }

        return text;
    }
}
