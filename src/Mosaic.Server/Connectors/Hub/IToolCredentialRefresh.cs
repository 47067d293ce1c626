namespace Mosaic.Server.Connectors.Hub;

/// <summary>
/// What the hub asks when a tool's result says the service refused the credentials (<c>_meta {"mosaic/auth": "rejected"}</c>,
/// set by the connectors' error filter): renew them if they can be renewed (an OAuth connection's access token,
/// docs/oauth.md). The hub then calls the tool once more with the new ones, or answers with the reconnect sentence.
/// Optional: without an implementation the refused result stands.
/// </summary>
public interface IToolCredentialRefresh
{
    Task<CredentialRefresh> RefreshAsync(string userId, string datasource, CancellationToken ct);
}

/// <param name="Retry">New credentials are stored: calling again may work.</param>
/// <param name="Reconnect">Only a new connection helps: the sentence to answer with.</param>
public sealed record CredentialRefresh(bool Retry, string? Reconnect)
{
    public static readonly CredentialRefresh None = new(false, null);
}
