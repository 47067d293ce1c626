using Microsoft.AspNetCore.Http.HttpResults;
using Mosaic.Server.Admin;
using Mosaic.Server.Auth;
using Mosaic.Server.OAuth.Providers;

namespace Mosaic.Server.OAuth;

/// <param name="Sources">The sources it connects.</param>
/// <param name="ClientId">The app's client id (saved or from the environment); null when none is configured.</param>
/// <param name="SecretSet">A client secret is configured (it is never returned).</param>
/// <param name="FromEnvironment">The app comes from <c>{PROVIDER}_OAUTH_CLIENT_ID</c>/<c>_SECRET</c>: no admin saved one.</param>
/// <param name="RedirectUrls">The callback URLs to register at the provider, exactly.</param>
/// <param name="Docs">Where docs/oauth.md tells how to create the app.</param>
public sealed record OAuthAppResponse(
    string Provider,
    string Name,
    IReadOnlyList<string> Sources,
    string? ClientId,
    bool SecretSet,
    bool FromEnvironment,
    IReadOnlyList<string> RedirectUrls,
    IReadOnlyList<string> Scopes,
    string Docs
);

/// <param name="ClientSecret">Leave out to keep the saved secret; required for a new app.</param>
public sealed record SaveOAuthAppRequest(string? ClientId, string? ClientSecret = null);

/// <summary>/api/admin/oauth: the OAuth app of each provider, which the admin registers at the provider (docs/oauth.md).</summary>
public static class OAuthAppEndpoints
{
    const int MaxLength = 500;

    public static WebApplication MapOAuthAppEndpoints(this WebApplication app)
    {
        var group = app.MapAdminGroup("/oauth", "Admin");

        group
            .MapGet(
                "/",
                async Task<Ok<List<OAuthAppResponse>>> (
                    OAuthProviders providers,
                    OAuthApps apps,
                    OAuthEnvironment env,
                    HttpContext http,
                    CancellationToken ct
                ) =>
                {
                    var saved = await apps.SavedAsync(ct);
                    return TypedResults.Ok(
                        providers.All.Select(p => Describe(p, saved.GetValueOrDefault(p.Id), env, http.Request)).ToList()
                    );
                }
            )
            .WithDescription(
                "Each provider's OAuth app, its redirect URL to register and the scopes Mosaic asks for.\nThe secret is never returned."
            );

        group.MapPut(
            "/{provider}",
            async Task<Results<Ok<OAuthAppResponse>, ValidationProblem, ProblemHttpResult>> (
                string provider,
                SaveOAuthAppRequest request,
                OAuthProviders providers,
                OAuthApps apps,
                OAuthEnvironment env,
                HttpContext http,
                CancellationToken ct
            ) =>
            {
                if (providers.Find(provider) is not { } p)
                    return UnknownProvider(provider);
                var clientId = request.ClientId?.Trim() ?? "";
                var secret = string.IsNullOrWhiteSpace(request.ClientSecret) ? null : request.ClientSecret.Trim();
                var errors = new Dictionary<string, string[]>();
                if (clientId.Length is 0 or > MaxLength || clientId.Any(char.IsControl))
                    errors["client_id"] = [$"The client ID is required: the one {p.Name} shows for the app (one line)."];
                if (secret is { Length: > MaxLength } || secret?.Any(char.IsControl) == true)
                    errors["client_secret"] = ["The client secret must be one line of at most 500 characters."];
                if (errors.Count == 0 && !await apps.SaveAsync(p, clientId, secret, http.User.GetUserId(), ct))
                    errors["client_secret"] = [$"The client secret is required for a new {p.Name} app."];
                if (errors.Count > 0)
                    return TypedResults.ValidationProblem(
                        errors,
                        string.Join(" ", errors.Values.SelectMany(v => v)),
                        title: $"The {p.Name} OAuth app is not valid"
                    );
                var saved = await apps.SavedAsync(ct);
                return TypedResults.Ok(Describe(p, saved.GetValueOrDefault(p.Id), env, http.Request));
            }
        );

        group.MapDelete(
            "/{provider}",
            async Task<Results<NoContent, ProblemHttpResult>> (
                string provider,
                OAuthProviders providers,
                OAuthApps apps,
                HttpContext http,
                CancellationToken ct
            ) =>
            {
                if (providers.Find(provider) is not { } p)
                    return UnknownProvider(provider);
                if (!await apps.DeleteAsync(p, http.User.GetUserId(), ct))
                    return TypedResults.Problem(
                        $"No {p.Name} OAuth app is saved.",
                        statusCode: StatusCodes.Status404NotFound,
                        title: "Not found"
                    );
                return TypedResults.NoContent();
            }
        );
        return app;
    }

    static OAuthAppResponse Describe(OAuthProvider p, Data.OAuthApp? saved, OAuthEnvironment env, HttpRequest request)
    {
        var fromEnv = saved is null ? env.App(p) : null;
        return new OAuthAppResponse(
            p.Id,
            p.Name,
            [p.SourceId],
            saved?.ClientId ?? fromEnv?.ClientId,
            saved is not null || fromEnv is not null,
            saved is null && fromEnv is not null,
            [OAuthRedirects.CallbackUrl(env.PublicUrl, request, p.SourceId).AbsoluteUri],
            p.Scopes,
            p.Docs
        );
    }

    static ProblemHttpResult UnknownProvider(string provider) =>
        TypedResults.Problem(
            $"There is no OAuth provider '{(provider.Length > 40 ? provider[..40] : provider)}'; "
                + "it is one of slack, github, google, atlassian, shopify.",
            statusCode: StatusCodes.Status404NotFound,
            title: "Unknown provider"
        );
}
