using Mosaic.Server.Connectors;

namespace Mosaic.Server.OAuth;

/// <summary>
/// One way to connect a source with a person's consent at its provider (docs/oauth.md): the built-in sources' providers
/// (Slack, GitHub, Google, Atlassian, Shopify) and remote MCP servers that say <c>"auth": "oauth"</c>. <c>OAuthEndpoints</c>
/// asks each registered connector whether it <see cref="Handles"/> the source, then sends the browser where
/// <see cref="StartAsync"/> says and hands the callback to <see cref="CompleteAsync"/>. Both end in a redirect to the UI.
/// </summary>
public interface IOAuthConnector
{
    bool Handles(SourceDefinition source);

    /// <summary>The provider's authorization page for this person. Nothing is stored but the pending state.</summary>
    /// <exception cref="OAuthFlowException">The flow cannot start (no OAuth app, a bad shop, a shared connection, ...).</exception>
    Task<Uri> StartAsync(OAuthStartRequest request, CancellationToken ct);

    /// <summary>Checks the callback (state, errors), exchanges the code, stores the connection in the vault and says
    /// whom it acts as. On any failure nothing is stored.</summary>
    /// <exception cref="OAuthFlowException">Denied consent, a replayed or foreign state, a provider error.</exception>
    Task<OAuthConnected> CompleteAsync(OAuthCallbackRequest request, CancellationToken ct);
}

/// <param name="SessionId">The sign-in session's token id (jti): the flow is bound to it.</param>
/// <param name="ReturnTo">A path in the UI to come back to (already checked to be local).</param>
/// <param name="Shop">Shopify only: the shop a member named (<c>acme.myshopify.com</c>) when the admin fixed none.</param>
/// <param name="RedirectUri">This source's callback URL, <c>{public URL}/api/oauth/{source}/callback</c>.</param>
public sealed record OAuthStartRequest(
    string UserId,
    string SessionId,
    SourceDefinition Source,
    string ReturnTo,
    string? Shop,
    Uri RedirectUri
);

/// <param name="Query">The callback's query string as the provider sent it.</param>
public sealed record OAuthCallbackRequest(
    string UserId,
    string SessionId,
    SourceDefinition Source,
    IReadOnlyDictionary<string, string> Query,
    Uri RedirectUri
);

/// <param name="Identity">Who the new connection acts as (from <c>whoami</c>), e.g. "alice@acme.test"; null when unknown.</param>
/// <param name="ReturnTo">The UI path the flow was started from.</param>
public sealed record OAuthConnected(string? Identity, string ReturnTo);

/// <summary>
/// Why a flow stopped; <see cref="Reason"/> is one of <see cref="OAuthFailure"/> and reaches the UI as
/// <c>?oauth=error&amp;reason=…</c> (with <see cref="Code"/>, the provider's own error code, when there is one).
/// </summary>
public sealed class OAuthFlowException(string reason, string message, string? code = null, string? returnTo = null) : Exception(message)
{
    public string Reason { get; } = reason;
    public string? Code { get; } = code;
    public string? ReturnTo { get; } = returnTo;
}

/// <summary>The reasons a flow can stop, as the UI knows them (web/src/utils/oauth.ts words each one).</summary>
public static class OAuthFailure
{
    public const string NotConfigured = "not_configured"; // no OAuth app for the provider
    public const string Unavailable = "unavailable"; // source off, shared, or not connectable with OAuth
    public const string BadShop = "bad_shop"; // Shopify: not a *.myshopify.com shop
    public const string Denied = "denied"; // the person pressed Deny (error=access_denied)
    public const string State = "state"; // unknown, replayed, expired or another user's/session's state
    public const string Provider = "provider"; // the provider answered with an error (Code says which)
    public const string Verification = "verification"; // a signature (Shopify hmac) or issuer (RFC 9207) check failed
    public const string Unreachable = "unreachable"; // the provider could not be reached
}
