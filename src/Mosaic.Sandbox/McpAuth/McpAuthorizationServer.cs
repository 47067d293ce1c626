using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace Mosaic.Sandbox.McpAuth;

/// <summary>
/// The Acme Wiki's OAuth 2.1 authorization server (issuer <c>{sandbox}/mcp-auth</c>): RFC 8414 metadata, authorization
/// code with PKCE S256 (required), RFC 8707 resource indicators bound into the tokens, RFC 9207 <c>iss</c> in the
/// response, Client ID Metadata Documents and RFC 7591 registration. The consent page signs in as Alice.
/// </summary>
public static class McpAuthorizationServer
{
    public const string Path = "/mcp-auth";
    public const string ResourcePath = Path + "/wiki";
    static readonly string[] Scopes = ["wiki.read", "offline_access"];

    public static string Issuer(HttpRequest r) => $"{r.Scheme}://{r.Host}{Path}";

    public static string Resource(HttpRequest r) => $"{r.Scheme}://{r.Host}{ResourcePath}";

    public static void Map(WebApplication app)
    {
        app.MapGet("/.well-known/oauth-authorization-server" + Path, (HttpRequest r, McpAuthState state) => Metadata(r, state));
        var group = app.MapGroup(Path);
        group.MapGet("/authorize", AuthorizeAsync);
        group.MapPost("/authorize", DecideAsync).DisableAntiforgery();
        group.MapPost("/token", McpTokenEndpoint.HandleAsync).DisableAntiforgery();
        group.MapPost("/register", McpTokenEndpoint.RegisterAsync);
    }

    static IResult Metadata(HttpRequest r, McpAuthState state)
    {
        var issuer = Issuer(r);
        var metadata = new Dictionary<string, object>
        {
            ["issuer"] = issuer,
            ["authorization_endpoint"] = issuer + "/authorize",
            ["token_endpoint"] = issuer + "/token",
            ["response_types_supported"] = new[] { "code" },
            ["grant_types_supported"] = new[] { "authorization_code", "refresh_token" },
            ["code_challenge_methods_supported"] = new[] { "S256" },
            // "none" first: a metadata-document client is public.
            ["token_endpoint_auth_methods_supported"] = new[] { "none", "client_secret_post", "client_secret_basic" },
            ["scopes_supported"] = Scopes,
            ["authorization_response_iss_parameter_supported"] = true,
            ["client_id_metadata_document_supported"] = state.Settings.Cimd,
        };
        if (state.Settings.Dcr)
            metadata["registration_endpoint"] = issuer + "/register";
        return Results.Json(metadata);
    }

    /// <summary>The parameters of an authorization request, checked; an error before the redirect URI is known is shown here.</summary>
    sealed record Request(McpAuthClient Client, string RedirectUri, string? State, string Challenge, string Resource, string Scope);

    static async Task<(Request? Request, IResult? Error)> CheckAsync(
        HttpRequest http,
        Func<string, string?> get,
        McpClientDocuments clients,
        CancellationToken ct
    )
    {
        var (client, problem) = await clients.ResolveAsync(get("client_id"), ct);
        if (client is null)
            return (null, ErrorPage(problem!));
        var redirect = get("redirect_uri");
        if (redirect is null || !client.RedirectUris.Contains(redirect))
            return (null, ErrorPage("The redirect_uri is not one the client registered."));
        var state = get("state");
        string? error =
            get("response_type") != "code" ? "unsupported_response_type"
            : get("code_challenge") is not { Length: >= 43 } || get("code_challenge_method") != "S256" ? "invalid_request"
            : get("resource") != Resource(http) ? "invalid_target"
            : (get("scope") ?? "wiki.read").Split(' ', StringSplitOptions.RemoveEmptyEntries).Any(s => !Scopes.Contains(s))
                ? "invalid_scope"
            : null;
        if (error is not null)
            return (null, Results.Redirect(Back(redirect, ("error", error), ("state", state), ("iss", Issuer(http)))));
        return (new Request(client, redirect, state, get("code_challenge")!, get("resource")!, get("scope") ?? "wiki.read"), null);
    }

    static async Task<IResult> AuthorizeAsync(HttpContext http, McpClientDocuments clients, CancellationToken ct)
    {
        var q = http.Request.Query;
        var (request, error) = await CheckAsync(http.Request, k => q[k].FirstOrDefault(), clients, ct);
        if (request is null)
            return error!;
        var hidden = string.Concat(
            q.Where(p => p.Key is not "decision")
                .Select(p => $"<input type=\"hidden\" name=\"{Enc(p.Key)}\" value=\"{Enc(p.Value.ToString())}\">")
        );
        var scopes = string.Concat(request.Scope.Split(' ').Select(s => $"<li>{Enc(s)}</li>"));
        var html = $"""
            <!doctype html><html><head><meta charset="utf-8"><title>Acme Wiki — authorize {Enc(request.Client.Name)}</title></head>
            <body><h1>Acme Wiki — authorize {Enc(request.Client.Name)}</h1>
            <p>Signed in as {Enc(Acme.AcmeCompany.Alice.Name)} ({Enc(Acme.AcmeCompany.Alice.Email)}).</p>
            <p>{Enc(request.Client.Name)} asks to:</p><ul>{scopes}</ul>
            <form method="post" action="{Path}/authorize">{hidden}
            <button name="decision" value="approve">Approve</button> <button name="decision" value="deny">Deny</button></form>
            </body></html>
            """;
        return Results.Content(html, "text/html; charset=utf-8");
    }

    static async Task<IResult> DecideAsync(
        HttpContext http,
        McpClientDocuments clients,
        McpAuthState state,
        TimeProvider time,
        CancellationToken ct
    )
    {
        var form = await http.Request.ReadFormAsync(ct);
        var (request, error) = await CheckAsync(http.Request, k => form[k].FirstOrDefault(), clients, ct);
        if (request is null)
            return error!;
        // The mix-up a client must catch (RFC 9207): another server's name in the response.
        var iss = state.Settings.WrongIss ? $"{http.Request.Scheme}://{http.Request.Host}/not-the-wiki" : Issuer(http.Request);
        if (form["decision"] != "approve")
        {
            state.Count("denial");
            return Results.Redirect(Back(request.RedirectUri, ("error", "access_denied"), ("state", request.State), ("iss", iss)));
        }
        state.Count("authorization");
        var code = McpAuthState.NewToken("wiki_code_");
        state.Codes[code] = new McpAuthCode(
            request.Client.ClientId,
            request.RedirectUri,
            request.Challenge,
            request.Resource,
            request.Scope,
            time.GetUtcNow().AddMinutes(10)
        );
        return Results.Redirect(Back(request.RedirectUri, ("code", code), ("state", request.State), ("iss", iss)));
    }

    static string Back(string redirectUri, params (string Key, string? Value)[] parameters) =>
        QueryHelpers.AddQueryString(
            redirectUri,
            parameters.Where(p => p.Value is not null).Select(p => KeyValuePair.Create(p.Key, p.Value))
        );

    static IResult ErrorPage(string problem) =>
        Results.Content(
            $"<!doctype html><html><head><meta charset=\"utf-8\"><title>Acme Wiki — authorization error</title></head>"
                + $"<body><h1>Authorization error</h1><p>{Enc(problem)}</p></body></html>",
            "text/html; charset=utf-8",
            statusCode: 400
        );

    static string Enc(string s) => WebUtility.HtmlEncode(s);

    /// <summary>PKCE S256 (RFC 7636): BASE64URL(SHA256(verifier)) must equal the challenge.</summary>
    public static bool VerifierMatches(string? verifier, string challenge) =>
        verifier is { Length: >= 43 and <= 128 }
        && CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(McpAuthState.Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)))),
            Encoding.ASCII.GetBytes(challenge)
        );
}
