using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Kakao.Provider.Models;
using Kakao.Provider.Protocol;
using Kakao.Provisioning;

namespace Kakao.Provider.Grpc;

/// <summary>
/// The one place exceptions become gRPC statuses. Unknown/Internal are reserved for real bugs: the engine reads
/// them as "the state may be corrupt".
/// </summary>
internal static class ErrorMapping
{
    /// <summary>The status code for an exception.</summary>
    public static StatusCode CodeOf(Exception exception) => exception switch
    {
        RpcException rpc => rpc.StatusCode,
        OperationCanceledException => StatusCode.Cancelled,
        InvalidInputException or ArgumentException => StatusCode.InvalidArgument,
        MissingConfigurationException => StatusCode.InvalidArgument,
        NotConfiguredException or ObjectNotUpdatableException => StatusCode.FailedPrecondition,
        ObjectNotFoundException => StatusCode.NotFound,
        QuotaExceededException => StatusCode.ResourceExhausted,

        // A resource's custom timeout (customTimeouts) ran out before the API answered.
        TimeoutException => StatusCode.DeadlineExceeded,
        ObjectAlreadyExistsException => StatusCode.AlreadyExists,
        ResourceInitFailedException { InnerException: { } inner } => CodeOf(inner),
        ProvisioningApiException api => CodeOf(api),
        _ => StatusCode.Internal,
    };

    /// <summary>The status code for an API failure by HTTP status.</summary>
    public static StatusCode CodeOf(ProvisioningApiException exception) => exception.Status switch
    {
        400 or 422 => StatusCode.InvalidArgument,
        401 => StatusCode.Unauthenticated,
        403 => StatusCode.PermissionDenied,
        404 => StatusCode.NotFound,
        409 or 412 => StatusCode.FailedPrecondition,
        408 or 429 => StatusCode.Unavailable,
        0 when exception.ErrorCode == ProvisioningApiException.TimeoutErrorCode => StatusCode.DeadlineExceeded,
        0 => StatusCode.Unavailable,
        >= 500 => StatusCode.Unavailable,
        _ => StatusCode.FailedPrecondition,
    };

    /// <summary>The longest status message sent; messages may quote user input of any size.</summary>
    internal const int MaxMessageLength = 2048;

    // The status message travels in the grpc-message trailer: an unbounded one (a 100 KB value quoted back)
    // exceeds the client's header limits and the call dies as a transport error instead of InvalidArgument.
    private static string Bounded(string message) =>
        message.Length <= MaxMessageLength ? message : message[..MaxMessageLength] + "… (truncated)";

    /// <summary>
    /// An argument error as a sentence. ArgumentException.Message appends " (Parameter 'x')" — and, because the
    /// plugin is built with UseSystemResourceKeys, the bare resource key "Arg_ParamName_Name, x" instead, which
    /// users must not see.
    /// </summary>
    internal static string Describe(ArgumentException exception)
    {
        var message = exception.Message;
        if (exception.ParamName is not { Length: > 0 } name)
        {
            return message;
        }

        foreach (var marker in new[] { " (Parameter '", " Arg_ParamName_Name" })
        {
            int at = message.LastIndexOf(marker, StringComparison.Ordinal);
            if (at > 0)
            {
                return $"{message[..at]} (argument {name})";
            }
        }

        return message;
    }

    /// <summary>The gRPC error for an exception, with rich details where the engine understands them.</summary>
    public static RpcException ToRpcException(Exception exception)
    {
        if (exception is RpcException rpc)
        {
            return rpc;
        }

        var code = CodeOf(exception);
        var message = exception switch
        {
            OperationCanceledException => "The operation was cancelled.",
            _ when code == StatusCode.Internal => $"Internal error in the kakao provider ({exception.GetType().Name}): {exception.Message}",
            ArgumentException argument => Describe(argument),
            _ => exception.Message,
        };

        var status = new Google.Rpc.Status { Code = (int)code, Message = Bounded(message) };
        switch (exception)
        {
            case ResourceInitFailedException failed:
                var detail = new ErrorResourceInitFailed
                {
                    Id = failed.Id,
                    Properties = PropertyValueConverter.ToStruct(failed.Properties),
                    Inputs = PropertyValueConverter.ToStruct(failed.Inputs),
                };
                detail.Reasons.AddRange(failed.Reasons);
                status.Details.Add(Any.Pack(detail));
                break;
            case MissingConfigurationException missing:
                var keys = new ConfigureErrorMissingKeys();
                keys.MissingKeys.AddRange(missing.Keys.Select(k => new ConfigureErrorMissingKeys.Types.MissingKey { Name = k.Name, Description = k.Description }));
                status.Details.Add(Any.Pack(keys));
                break;
        }

        return status.ToRpcException();
    }
}
