using System.Globalization;
using System.Text.RegularExpressions;
using Kakao.Provisioning;
using Kakao.Verification.Stack;

namespace Kakao.Verification;

/// <summary>
/// The one place an API failure becomes a driver message and exit code: Sinch's own words (message, validation
/// errors, resolution) always, preceded by what it means for the user where the status says more than Sinch's
/// generic text (a refused key names where the key came from).
/// </summary>
internal static partial class ApiFailures
{
    /// <summary>The documented exit code of an API failure: 401, 404 and 409 have their own.</summary>
    public static ExitCode ExitCodeOf(ProvisioningApiException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception.Status switch
        {
            401 => ExitCode.AuthenticationFailed,
            404 => ExitCode.NotFound,
            409 => ExitCode.Conflict,
            _ => ExitCode.ApiFailure,
        };
    }

    /// <summary>
    /// Sinch's answer in its own words, e.g. <c>Invalid input: code is incorrect. Resolution: Correct the
    /// validation errors and submit again. (400 invalid_input)</c>.
    /// </summary>
    public static string SinchSays(ProvisioningApiException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var text = (exception.ApiMessage ?? exception.ErrorCode ?? "no message").Trim().TrimEnd('.');
        var details = exception.AdditionalInformation
            .SelectMany(kv => kv.Key == "validationErrors" ? kv.Value : [$"{kv.Key}: {string.Join(", ", kv.Value)}"])
            .Where(v => !string.IsNullOrWhiteSpace(v))
            .ToList();
        if (details.Count > 0)
        {
            text += ": " + string.Join("; ", details.Select(d => d.Trim().TrimEnd('.')));
        }

        text += ".";
        if (!string.IsNullOrWhiteSpace(exception.Resolution))
        {
            text += " Resolution: " + exception.Resolution.Trim();
        }

        var code = exception.Status == 0 ? exception.ErrorCode ?? ProvisioningApiException.TransportErrorCode
            : $"{exception.Status.ToString(CultureInfo.InvariantCulture)}{(exception.ErrorCode is null ? "" : " " + exception.ErrorCode)}";
        return $"{text} ({code})";
    }

    /// <summary>
    /// What a failed call means and what to do, then Sinch's own words. <paramref name="connection"/> (where the
    /// key came from) and <paramref name="plusFriendId"/> make the advice precise when known.
    /// </summary>
    public static string Describe(ProvisioningApiException exception, SinchConnection? connection, string? plusFriendId)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var project = connection?.ProjectId;
        var inProject = project is null ? "" : $" in project {project}";
        var meaning = exception.Status switch
        {
            401 => $"Sinch refused the access key: {connection?.CredentialOrigin ?? "the key id and key secret"} were not accepted"
                + (project is null ? "." : $" for project {project}.")
                + " Check both values (and that the access key belongs to this project); retrying will not help.",
            404 when exception.ErrorCode == SinchErrorCodes.ProjectNotFound =>
                $"The project{(project is null ? "" : " " + project)} does not exist at Sinch: check the project id ({connection?.ProjectOrigin ?? "projectId"}).",
            404 when plusFriendId is not null =>
                $"{plusFriendId} does not exist{inProject}: check the plusFriendId and the project id ({connection?.ProjectOrigin ?? "projectId"}).",
            404 => $"Not found{inProject}: check the plusFriendId and the project id.",
            409 => $"Sinch refused this step in the sender's current state{(plusFriendId is null ? "" : $": see `kakao status --project {project ?? "<project>"} --sender {plusFriendId}`")}.",
            0 => "The Provisioning API could not be reached (after retries): check the endpoint and the network, then retry.",
            429 or >= 500 => "The Provisioning API failed for now: retry later.",
            _ => null,
        };
        var sinch = "Sinch said: " + SinchSays(exception);
        return meaning is null ? sinch : $"{meaning} {sinch}";
    }

    /// <summary>How many tries the API says are left for the current code, when its answer says so.</summary>
    public static int? TriesLeft(ProvisioningApiException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        foreach (var text in exception.ValidationErrors.Append(exception.ApiMessage ?? ""))
        {
            var match = TriesLeftPattern().Match(text);
            if (match.Success)
            {
                return int.Parse(match.Groups["n"].Success ? match.Groups["n"].Value : match.Groups["m"].Value, CultureInfo.InvariantCulture);
            }
        }

        return null;
    }

    [GeneratedRegex(@"(?<n>\d+)\s+(?:more\s+)?(?:tries|attempts?)\s+(?:left|remaining)|remaining\s+(?:tries|attempts)\s*[:=]?\s*(?<m>\d+)", RegexOptions.IgnoreCase)]
    private static partial Regex TriesLeftPattern();
}
