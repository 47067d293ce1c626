using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ModelContextProtocol.Authentication;
using Mosaic.Server.Credentials;
using Mosaic.Server.Data;
using Mosaic.Server.Datasources;

namespace Mosaic.Server.OAuth.Mcp;

/// <summary>
/// Reads and writes a person's remote-MCP connection (a credentials row with <c>auth = 'oauth'</c>). A new connection
/// goes through <see cref="CredentialVault"/> (audit, sessions restarted everywhere); a refresh by the SDK is one UPDATE
/// of the same row (the rotated refresh token with the access token), without restarting the session that asked for it.
/// </summary>
internal sealed class McpTokenRows(IServiceScopeFactory scopes, TimeProvider time)
{
    public async Task<TokenContainer?> ReadAsync(string userId, string datasource, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var fields = await scope.ServiceProvider.GetRequiredService<CredentialVault>().GetAsync(userId, datasource, ct);
        return McpTokenFields.ToTokens(fields);
    }

    /// <summary>Tokens the SDK refreshed in a running session. Nothing happens when the connection was removed meanwhile.</summary>
    public async Task UpdateAsync(string userId, string datasource, TokenContainer tokens, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var previous = McpTokenFields.ToTokens(await services.GetRequiredService<CredentialVault>().GetAsync(userId, datasource, ct));
        var json = JsonSerializer.Serialize(McpTokenFields.From(tokens, previous));
        var encrypted = services.GetRequiredService<CredentialEncryptor>().Encrypt(json, userId, datasource);
        var now = time.GetUtcNow().UtcDateTime;
        await Row(services, userId, datasource)
            .ExecuteUpdateAsync(
                c =>
                    c.SetProperty(x => x.EncryptedData, encrypted)
                        .SetProperty(x => x.UpdatedAt, now)
                        .SetProperty(x => x.ExpiresAt, McpTokenFields.ExpiresAt(tokens))
                        .SetProperty(x => x.ReconnectReason, (string?)null),
                ct
            );
    }

    /// <summary>A new connection from Connect: saved like any credentials, then marked as OAuth with whom it acts as.</summary>
    public async Task SaveConnectionAsync(
        string userId,
        string datasource,
        TokenContainer tokens,
        SourceIdentity? identity,
        CancellationToken ct
    )
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        await services.GetRequiredService<CredentialVault>().SaveAsync(userId, datasource, McpTokenFields.From(tokens, null), ct);
        var now = time.GetUtcNow().UtcDateTime;
        await Row(services, userId, datasource)
            .ExecuteUpdateAsync(
                c =>
                    c.SetProperty(x => x.Auth, "oauth")
                        .SetProperty(x => x.ExpiresAt, McpTokenFields.ExpiresAt(tokens))
                        .SetProperty(x => x.ReconnectReason, (string?)null)
                        .SetProperty(x => x.Identity, identity == null ? null : identity.ToStored())
                        .SetProperty(x => x.IdentityCheckedAt, identity == null ? null : now),
                ct
            );
    }

    /// <summary>Marks a saved connection as needing the person again; false when there is none.</summary>
    public async Task<bool> MarkReconnectAsync(string userId, string datasource, string reason, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await Row(scope.ServiceProvider, userId, datasource)
                .Where(c => c.Auth == "oauth")
                .ExecuteUpdateAsync(c => c.SetProperty(x => x.ReconnectReason, reason), ct) > 0;
    }

    static IQueryable<Credential> Row(IServiceProvider services, string userId, string datasource) =>
        services.GetRequiredService<MosaicDbContext>().Credentials.Where(c => c.UserId == userId && c.Datasource == datasource);
}

/// <summary>The SDK's token cache for one person's session of one remote MCP server: the vault row, read on every request.</summary>
internal sealed class VaultTokenCache(McpTokenRows rows, string userId, string datasource) : ITokenCache
{
    public async ValueTask<TokenContainer?> GetTokensAsync(CancellationToken cancellationToken) =>
        await rows.ReadAsync(userId, datasource, cancellationToken);

    public async ValueTask StoreTokensAsync(TokenContainer tokens, CancellationToken cancellationToken) =>
        await rows.UpdateAsync(userId, datasource, tokens, cancellationToken);
}

/// <summary>Connect's token cache: held in memory until the whole flow went well, then saved (the SDK's own is internal).</summary>
internal sealed class HeldTokenCache : ITokenCache
{
    TokenContainer? _tokens;

    public ValueTask<TokenContainer?> GetTokensAsync(CancellationToken cancellationToken) =>
        ValueTask.FromResult(Volatile.Read(ref _tokens));

    public ValueTask StoreTokensAsync(TokenContainer tokens, CancellationToken cancellationToken)
    {
        Volatile.Write(ref _tokens, tokens);
        return ValueTask.CompletedTask;
    }
}
