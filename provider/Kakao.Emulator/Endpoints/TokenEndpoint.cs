using Kakao.Emulator.Http;
using Kakao.Emulator.Json;
using Kakao.Emulator.Serialization;
using Kakao.Emulator.State;

namespace Kakao.Emulator.Endpoints;

/// <summary>
/// POST /oauth2/token, OAuth2 client credentials as auth.sinch.com: form grant_type=client_credentials, the
/// access key in Basic auth (or client_id/client_secret form fields) → {access_token, token_type: "Bearer",
/// expires_in: 3600, scope}. Errors use OAuth2's {error, error_description}.
/// </summary>
internal static class TokenEndpoint
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.MapPost(EmulatorPaths.TokenPath, async (HttpContext context, EmulatorStore store, Credentials credentials) =>
        {
            if (!context.Request.HasFormContentType)
            {
                return OAuthError(StatusCodes.Status400BadRequest, "invalid_request", "The body must be application/x-www-form-urlencoded.");
            }

            IFormCollection form;
            try
            {
                form = await context.Request.ReadFormAsync(context.RequestAborted);
            }
            catch (InvalidDataException)
            {
                return OAuthError(StatusCodes.Status400BadRequest, "invalid_request", "The form body could not be read.");
            }

            string? authorization = context.Request.Headers.Authorization;
            bool authenticated = authorization?.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase) == true
                ? credentials.IsValidBasic(authorization["Basic ".Length..])
                : credentials.IsValidKey(form["client_id"], form["client_secret"]);
            if (!authenticated)
            {
                context.Response.Headers.WWWAuthenticate = "Basic realm=\"sinch\"";
                return OAuthError(StatusCodes.Status401Unauthorized, "invalid_client", "Client authentication failed.");
            }

            if (form["grant_type"] != "client_credentials")
            {
                return OAuthError(StatusCodes.Status400BadRequest, "unsupported_grant_type", "Only grant_type=client_credentials is supported.");
            }

            string token = await store.ExecuteAsync(credentials.Issue);
            context.Response.Headers.CacheControl = "no-store";
            return Results.Json(new TokenDto(token, "Bearer", (int)Credentials.TokenLifetime.TotalSeconds, string.Empty), EmulatorJson.Options);
        });
    }

    private static IResult OAuthError(int status, string error, string description) =>
        Results.Json(new OAuthErrorDto(error, description), EmulatorJson.Options, statusCode: status);
}
