namespace Kakao.Emulator.Http;

/// <summary>
/// A documented API error raised by endpoint or domain code; the error middleware turns it into the Sinch
/// error body <c>{errorCode, message, resolution, additionalInformation?}</c>.
/// </summary>
internal sealed class ApiException : Exception
{
    public ApiException(string errorCode, IReadOnlyDictionary<string, object>? additionalInformation = null, string? messageOverride = null, string? resolutionOverride = null)
        : base(errorCode)
    {
        ErrorCode = errorCode;
        AdditionalInformation = additionalInformation;
        MessageOverride = messageOverride;
        ResolutionOverride = resolutionOverride;
    }

    public ApiException()
        : this(SinchErrors.InternalError)
    {
    }

    public ApiException(string message, Exception innerException)
        : base(message, innerException)
    {
        ErrorCode = SinchErrors.InternalError;
    }

    /// <summary>The errorCode of the body.</summary>
    public string ErrorCode { get; }

    /// <summary>The additionalInformation object of the body, if any.</summary>
    public IReadOnlyDictionary<string, object>? AdditionalInformation { get; }

    /// <summary>Replaces the table's message (emulator-only codes with a specific text).</summary>
    public string? MessageOverride { get; }

    /// <summary>Replaces the table's resolution (a documented variant, e.g. internal_error's template one).</summary>
    public string? ResolutionOverride { get; }

    /// <summary>The HTTP status of the code.</summary>
    public int Status => SinchErrors.Get(ErrorCode).Status;

    /// <summary>400 invalid_input with validation errors.</summary>
    public static ApiException InvalidInput(IReadOnlyList<string> validationErrors) =>
        new(SinchErrors.InvalidInput, new Dictionary<string, object> { ["validationErrors"] = validationErrors });

    /// <summary>400 invalid_input with one validation error.</summary>
    public static ApiException InvalidInput(string validationError) => InvalidInput([validationError]);
}
