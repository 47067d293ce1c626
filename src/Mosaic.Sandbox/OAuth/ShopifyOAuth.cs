using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Mosaic.Sandbox.Infrastructure;

namespace Mosaic.Sandbox.OAuth;

/// <summary>
/// Shopify's authorization code grant on the shop's own host: {shop}/admin/oauth/authorize and /admin/oauth/access_token, the
/// Sandbox shop being /shopify. The callback carries code, hmac, host, shop, state and timestamp, hmac being the hex
/// HMAC-SHA256 (key: the client secret) of the other parameters sorted and joined k=v&amp;k=v. With expiring=1 the offline
/// token lasts an hour and comes with a refresh token that is replaced at every use; without it the token never expires.
/// DELETE /admin/api_permissions/current.json uninstalls: every token of the grant stops working.
/// </summary>
public sealed class ShopifyOAuth(OAuthServer server) : OAuthProvider(server)
{
    public const string Shop = "acme-brew.myshopify.com";

    public override string AuthorizePath => "/shopify/admin/oauth/authorize";

    protected override PageError BadClient =>
        new("invalid_request", "Oauth error invalid_request: Could not find an app with this client_id.");

    protected override PageError BadRedirect => new("invalid_request", "Oauth error invalid_request: The redirect_uri is not whitelisted");

    protected override IEnumerable<KeyValuePair<string, string>> Approved(string code, IReadOnlyDictionary<string, string> p)
    {
        var query = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["code"] = code,
            ["host"] = Convert.ToBase64String(Encoding.UTF8.GetBytes("admin.shopify.com/store/acme-brew")).TrimEnd('='),
            ["shop"] = Shop,
            ["timestamp"] = Server.Now.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        if (Arg(p, "state") is { } state)
            query["state"] = state;
        return [.. query, new("hmac", Hmac(query, Info.ClientSecret))];
    }

    /// <summary>The callback's signature: hex HMAC-SHA256 of the parameters (hmac excluded), sorted, joined k=v&amp;k=v.</summary>
    public static string Hmac(IEnumerable<KeyValuePair<string, string>> parameters, string secret)
    {
        var message = string.Join(
            '&',
            parameters.Where(kv => kv.Key != "hmac").OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key}={kv.Value}")
        );
        return Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(message)));
    }

    public override void Map(IEndpointRouteBuilder app)
    {
        MapConsent(app);
        app.MapPost("/shopify/admin/oauth/access_token", TokenAsync);
        app.MapDelete("/shopify/admin/api_permissions/current.json", (HttpRequest request) =>
        {
            var token = request.Headers["X-Shopify-Access-Token"].ToString();
            return Server.Check(token, out _) == TokenState.Valid && Server.Revoke(token, wholeGrant: true)
                ? Results.Json(new JsonObject())
                : InvalidToken();
        });
    }

    /// <summary>The scopes of a live token this server issued, or null (the Admin API then answers <see cref="InvalidToken"/>).</summary>
    public string[]? Scopes(string token) => Server.Check(token, out var grant) == TokenState.Valid ? [.. SplitScopes(grant!.Scope)] : null;

    public static IResult InvalidToken() =>
        Results.Json(
            new JsonObject { ["errors"] = "[API] Invalid API key or access token (unrecognized login or wrong password)" },
            statusCode: 401
        );

    private async Task<IResult> TokenAsync(HttpRequest request, CancellationToken ct)
    {
        var args = await RequestArgs.ReadAsync(request, ct);
        var (clientId, secret) = RequestArgs.Client(request, args);
        if (!Server.ClientMatches(clientId, secret))
            return Error(401, "invalid_client", "Client authentication failed.");
        if (args.GetValueOrDefault("grant_type") == "refresh_token")
            return Server.Refresh(args.GetValueOrDefault("refresh_token"), clientId) is { } refreshed
                ? Tokens(refreshed)
                : Error(400, "invalid_grant", "Token has been expired or revoked.");
        if (Server.RedeemCode(args.GetValueOrDefault("code"), clientId, null, null, out var grant) != CodeRedemption.Ok)
            return Error(400, "invalid_request", "The authorization code was not found or was already used");
        var expiring = args.GetValueOrDefault("expiring") is "1" or "true";
        return Tokens(Server.Issue(grant!, withRefresh: expiring, expiring: expiring));
    }

    private static IResult Tokens(OAuthTokens t)
    {
        var body = new JsonObject { ["access_token"] = t.AccessToken, ["scope"] = t.Grant.Scope };
        if (t.ExpiresIn is { } expires)
        {
            body["expires_in"] = expires;
            body["refresh_token"] = t.RefreshToken;
            body["refresh_token_expires_in"] = t.RefreshExpiresIn;
        }
        return Results.Json(body);
    }

    private static IResult Error(int status, string error, string description) =>
        Results.Json(new JsonObject { ["error"] = error, ["error_description"] = description }, statusCode: status);
}
