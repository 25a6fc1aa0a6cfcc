using Kakao.Emulator.State;

namespace Kakao.Emulator.Http;

/// <summary>
/// Guards the Sinch API (/v1/...): Basic with the access key, or a Bearer token from /oauth2/token. Unknown or
/// missing credentials answer 401 unauthorized_error; an expired token answers the gateway's problem details.
/// Then checks that the project is onboarded (400 project_not_initialized).
/// </summary>
internal sealed class AuthMiddleware(RequestDelegate next, EmulatorStore store, Credentials credentials, EmulatorOptions options)
{
    private readonly HashSet<string>? _projects = options.InitializedProjectIds is null
        ? null
        : new HashSet<string>(options.InitializedProjectIds, StringComparer.Ordinal);

    public async Task InvokeAsync(HttpContext context)
    {
        if (!EmulatorPaths.IsApi(context.Request.Path))
        {
            await next(context);
            return;
        }

        string? authorization = context.Request.Headers.Authorization;
        var result = await store.ExecuteAsync(state => credentials.Check(state, authorization));
        if (result == AuthResult.ExpiredToken)
        {
            // RFC 6750 §3: say why the token was refused, so clients can tell "expired" from "unknown".
            context.Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\", error_description=\"The access token expired\"";
            await ErrorWriter.WriteProblemAsync(context, StatusCodes.Status401Unauthorized, "Unauthorized", "The access token has expired.", context.RequestAborted);
            return;
        }

        if (result != AuthResult.Ok)
        {
            context.Response.Headers.WWWAuthenticate = "Basic realm=\"sinch\", Bearer";
            await ErrorWriter.WriteSinchErrorAsync(context, SinchErrors.Unauthorized, context.RequestAborted);
            return;
        }

        if (_projects is not null && EmulatorPaths.ProjectId(context.Request.Path) is { } projectId && !_projects.Contains(projectId))
        {
            await ErrorWriter.WriteSinchErrorAsync(context, SinchErrors.ProjectNotInitialized, context.RequestAborted);
            return;
        }

        await next(context);
    }
}
