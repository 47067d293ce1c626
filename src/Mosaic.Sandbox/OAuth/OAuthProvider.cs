using System.Net;
using System.Text;
using Mosaic.Sandbox.Acme;

namespace Mosaic.Sandbox.OAuth;

/// <summary>A refusal shown on the provider's own page (never redirected): the provider's code and sentence.</summary>
public sealed record PageError(string Code, string Message, int Status = 400);

/// <summary>
/// The provider-specific layer over <see cref="OAuthServer"/>: the authorize path and its consent page (Approve and Deny post
/// back to the same path), the checks and error sentences of that provider, and what its redirects carry. Each provider
/// subclass also maps its token, revocation and identity endpoints.
/// </summary>
public abstract class OAuthProvider(OAuthServer server)
{
    public OAuthServer Server => server;

    public OAuthProviderInfo Info => server.Info;

    /// <summary>The path of the authorization page, e.g. /google/o/oauth2/v2/auth.</summary>
    public abstract string AuthorizePath { get; }

    protected abstract PageError BadClient { get; }

    protected abstract PageError BadRedirect { get; }

    /// <summary>The provider's other checks of an authorization request (Atlassian's audience, Google's response_type).</summary>
    protected virtual PageError? CheckRequest(IReadOnlyDictionary<string, string> p) => null;

    /// <summary>The scopes listed on the consent page.</summary>
    protected virtual IEnumerable<string> ScopesShown(IReadOnlyDictionary<string, string> p) => SplitScopes(Arg(p, "scope"));

    /// <summary>What the code remembers besides the scope (provider-defined, see <see cref="OAuthGrant"/>).</summary>
    protected virtual string CodeExtra(IReadOnlyDictionary<string, string> p) => "";

    /// <summary>The redirect's parameters after Approve.</summary>
    protected virtual IEnumerable<KeyValuePair<string, string>> Approved(string code, IReadOnlyDictionary<string, string> p) =>
        WithState([new("code", code)], p);

    /// <summary>The redirect's parameters after Deny.</summary>
    protected virtual IEnumerable<KeyValuePair<string, string>> Denied(IReadOnlyDictionary<string, string> p) =>
        WithState([new("error", "access_denied")], p);

    public abstract void Map(IEndpointRouteBuilder app);

    protected void MapConsent(IEndpointRouteBuilder app)
    {
        app.MapGet(AuthorizePath, (HttpRequest request) => Consent(request, Args(request.Query)));
        app.MapPost(AuthorizePath, async (HttpRequest request, CancellationToken ct) =>
        {
            if (!request.HasFormContentType)
                return Page(400, $"{Info.Name} — authorization error", Error(new PageError("invalid_request", "Send the consent form.")));
            var form = await request.ReadFormAsync(ct);
            var p = Args(form);
            if (Refusal(p) is { } refused)
                return refused;
            var approve = form["decision"] == "approve";
            if (!approve)
                server.CountDenial();
            var query = approve
                ? Approved(server.IssueCode(p["redirect_uri"], Arg(p, "scope") ?? "", Challenge(p), CodeExtra(p)), p)
                : Denied(p);
            return Results.Redirect(WithQuery(p["redirect_uri"], query));
        });
    }

    private IResult Consent(HttpRequest request, Dictionary<string, string> p)
    {
        if (Refusal(p) is { } refused)
            return refused;
        var scopes = string.Concat(ScopesShown(p).Select(s => $"<li><code>{Html(s)}</code></li>"));
        var hidden = string.Concat(p.Select(kv => $"<input type=\"hidden\" name=\"{Html(kv.Key)}\" value=\"{Html(kv.Value)}\">"));
        var alice = AcmeCompany.Alice;
        var body =
            $"<p>Signed in as <strong>{Html(alice.Name)}</strong> ({Html(alice.Email)}).</p>"
            + $"<p><strong>Mosaic</strong> asks for access to your {Html(Info.Name)} account:</p>"
            + $"<ul>{(scopes.Length > 0 ? scopes : "<li>your basic profile</li>")}</ul>"
            + $"<form method=\"post\" action=\"{Html(request.PathBase + request.Path)}\">{hidden}"
            + "<button type=\"submit\" name=\"decision\" value=\"approve\">Approve</button> "
            + "<button type=\"submit\" name=\"decision\" value=\"deny\">Deny</button></form>";
        return Page(200, $"{Info.Name} — authorize Mosaic", body);
    }

    /// <summary>The provider's own error page for a request it will not redirect anywhere (unknown client, foreign redirect).</summary>
    private IResult? Refusal(IReadOnlyDictionary<string, string> p)
    {
        var error =
            Arg(p, "client_id") != Info.ClientId ? BadClient
            : !RedirectAllowed(Arg(p, "redirect_uri")) ? BadRedirect
            : CheckRequest(p);
        return error is null ? null : Page(error.Status, $"{Info.Name} — authorization error", Error(error));
    }

    /// <summary>
    /// The Sandbox clients' registered redirect URIs: any http(s) loopback URL (any port) whose path is Mosaic's callback for
    /// this provider's source, with no query or fragment.
    /// </summary>
    public bool RedirectAllowed(string? uri) =>
        Uri.TryCreate(uri, UriKind.Absolute, out var u)
        && u.Scheme is "http" or "https"
        && (u.IsLoopback || u.Host == "localhost")
        && u.AbsolutePath == $"/api/oauth/{Info.Source}/callback"
        && u.Query.Length == 0
        && u.Fragment.Length == 0;

    private static string? Challenge(IReadOnlyDictionary<string, string> p) =>
        Arg(p, "code_challenge") is { } c && (Arg(p, "code_challenge_method") ?? "plain") == "S256" ? c
        : Arg(p, "code_challenge") is { } plain ? OAuthServer.S256(plain) // "plain": the verifier is the challenge itself
        : null;

    protected static string? Arg(IReadOnlyDictionary<string, string> p, string name) =>
        p.TryGetValue(name, out var v) && v.Length > 0 ? v : null;

    protected static IEnumerable<string> SplitScopes(string? scope) =>
        (scope ?? "").Split([' ', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    protected static IEnumerable<KeyValuePair<string, string>> WithState(
        List<KeyValuePair<string, string>> query,
        IReadOnlyDictionary<string, string> p
    )
    {
        if (Arg(p, "state") is { } state)
            query.Add(new("state", state));
        return query;
    }

    private static string WithQuery(string uri, IEnumerable<KeyValuePair<string, string>> query) =>
        uri + "?" + string.Join('&', query.Select(kv => $"{Uri.EscapeDataString(kv.Key)}={Uri.EscapeDataString(kv.Value)}"));

    private static Dictionary<string, string> Args(
        IEnumerable<KeyValuePair<string, Microsoft.Extensions.Primitives.StringValues>> values
    ) => values.Where(kv => kv.Key != "decision").ToDictionary(kv => kv.Key, kv => kv.Value.ToString());

    private static string Error(PageError e) =>
        $"<p role=\"alert\"><strong>Error {e.Status}: {Html(e.Code)}</strong></p><p>{Html(e.Message)}</p>";

    private static IResult Page(int status, string title, string body)
    {
        var html = new StringBuilder()
            .Append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append($"<title>{Html(title)}</title></head><body><main><h1>{Html(title)}</h1>{body}</main></body></html>");
        return Results.Content(html.ToString(), "text/html; charset=utf-8", Encoding.UTF8, status);
    }

    protected static string Html(string text) => WebUtility.HtmlEncode(text);
}
