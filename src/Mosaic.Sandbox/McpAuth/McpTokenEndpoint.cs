using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Mosaic.Sandbox.McpAuth;

/// <summary>The token endpoint (authorization_code with PKCE, rotating refresh_token) and RFC 7591 registration.</summary>
public static class McpTokenEndpoint
{
    public static async Task<IResult> HandleAsync(HttpContext http, McpAuthState state, TimeProvider time, CancellationToken ct)
    {
        http.Response.Headers.CacheControl = "no-store";
        var form = await http.Request.ReadFormAsync(ct);
        var (clientId, secret) = ClientCredentials(http.Request, form);
        if (clientId is null)
            return Error("invalid_client", "No client_id.", 401);
        if (state.Clients.TryGetValue(clientId, out var registered))
        {
            if (registered.Secret is not null && registered.Secret != secret)
                return Error("invalid_client", "Wrong client secret.", 401);
        }
        else if (!Uri.TryCreate(clientId, UriKind.Absolute, out _) || !state.Settings.Cimd)
            return Error("invalid_client", "Unknown client.", 401);

        var now = time.GetUtcNow();
        var resource = form["resource"].FirstOrDefault();
        switch (form["grant_type"].FirstOrDefault())
        {
            case "authorization_code":
                if (!state.Codes.TryRemove(form["code"].ToString(), out var code) || code.Expires < now)
                    return Error("invalid_grant", "The authorization code is invalid, expired or already used.");
                if (code.ClientId != clientId || code.RedirectUri != form["redirect_uri"])
                    return Error("invalid_grant", "The code was issued to another client or redirect_uri.");
                if (!McpAuthorizationServer.VerifierMatches(form["code_verifier"], code.Challenge))
                    return Error("invalid_grant", "PKCE verification failed.");
                if (resource is not null && resource != code.Resource)
                    return Error("invalid_target", "The resource differs from the one authorized.");
                state.Count("code");
                return Issue(state, new McpAuthGrant(clientId, code.Resource, code.Scope, now), now);
            case "refresh_token":
                if (state.RefreshRevoked)
                    return Error("invalid_grant", "The refresh token has been revoked.");
                if (!state.RefreshTokens.TryRemove(form["refresh_token"].ToString(), out var grant) || grant.ClientId != clientId)
                    return Error("invalid_grant", "The refresh token is invalid or was already used.");
                if (resource is not null && resource != grant.Resource)
                    return Error("invalid_target", "The resource differs from the one authorized.");
                state.Count("refresh");
                return Issue(state, grant, now);
            default:
                return Error("unsupported_grant_type", "Use authorization_code or refresh_token.");
        }
    }

    static IResult Issue(McpAuthState state, McpAuthGrant grant, DateTimeOffset now)
    {
        var lifetime = state.Settings.AccessTokenLifetimeSeconds;
        var access = McpAuthState.NewToken("wiki_at_");
        var refresh = McpAuthState.NewToken("wiki_rt_");
        // The audience is the resource asked for (RFC 8707): the wiki refuses a token minted for anything else.
        state.AccessTokens[access] = grant with { Expires = now.AddSeconds(lifetime) };
        state.RefreshTokens[refresh] = grant with { Expires = now.AddDays(30) };
        return Results.Json(
            new
            {
                access_token = access,
                token_type = "Bearer",
                expires_in = lifetime,
                refresh_token = refresh,
                scope = grant.Scope,
            }
        );
    }

    static (string? Id, string? Secret) ClientCredentials(HttpRequest request, IFormCollection form)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            var pair = Encoding.UTF8.GetString(Convert.FromBase64String(header[6..].Trim())).Split(':', 2);
            return (Uri.UnescapeDataString(pair[0]), pair.Length > 1 ? Uri.UnescapeDataString(pair[1]) : null);
        }
        return (form["client_id"].FirstOrDefault(), form["client_secret"].FirstOrDefault());
    }

    static IResult Error(string error, string description, int status = 400) =>
        Results.Json(new { error, error_description = description }, statusCode: status);

    /// <summary>RFC 7591: any client may register (when the test control allows it) with its redirect URIs.</summary>
    public static async Task<IResult> RegisterAsync(HttpContext http, McpAuthState state, TimeProvider time, CancellationToken ct)
    {
        if (!state.Settings.Dcr)
            return Results.NotFound();
        JsonObject? body;
        try
        {
            body = await JsonNode.ParseAsync(http.Request.Body, cancellationToken: ct) as JsonObject;
        }
        catch (JsonException)
        {
            body = null;
        }
        var uris = (body?["redirect_uris"] as JsonArray)
            ?.Select(u => u?.GetValueKind() == JsonValueKind.String ? u.GetValue<string>() : null)
            .ToList();
        if (
            uris is null
            || uris.Count == 0
            || uris.Any(u => !Uri.TryCreate(u, UriKind.Absolute, out var x) || x.Scheme is not ("http" or "https"))
        )
            return Results.Json(
                new { error = "invalid_redirect_uri", error_description = "redirect_uris must be absolute http(s) URLs." },
                statusCode: 400
            );
        var method = body!["token_endpoint_auth_method"]?.GetValue<string>() ?? "client_secret_basic";
        if (method is not ("none" or "client_secret_post" or "client_secret_basic"))
            return Results.Json(
                new { error = "invalid_client_metadata", error_description = "Unsupported token_endpoint_auth_method." },
                statusCode: 400
            );
        var name = body["client_name"]?.GetValue<string>() ?? "Unnamed client";
        var client = new McpAuthClient(
            McpAuthState.NewToken("wiki_client_"),
            method == "none" ? null : McpAuthState.NewToken("wiki_secret_"),
            name,
            uris!,
            true
        );
        state.Clients[client.ClientId] = client;
        state.Count("registration");
        return Results.Json(
            new
            {
                client_id = client.ClientId,
                client_secret = client.Secret,
                client_id_issued_at = time.GetUtcNow().ToUnixTimeSeconds(),
                client_secret_expires_at = 0,
                client_name = name,
                redirect_uris = uris,
                grant_types = new[] { "authorization_code", "refresh_token" },
                response_types = new[] { "code" },
                token_endpoint_auth_method = method,
            },
            statusCode: 201
        );
    }
}
