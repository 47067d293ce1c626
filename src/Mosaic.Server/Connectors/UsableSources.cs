using Mosaic.Server.Connectors.Hub;
using Mosaic.Server.Credentials;
using Mosaic.Server.OAuth;

namespace Mosaic.Server.Connectors;

/// <summary>
/// Which sources a user can ask, and with which fields: the one definition the agent, the digest, chat,
/// /api/datasources and the hub's launch resolver share. A source is usable when it is enabled (by the operator and
/// by the admin) and its credentials are ready: on a shared connection the workspace's, else the user's own — saved,
/// or not needed (a custom source whose fields are all optional). Built-in sources always need saved ones.
/// </summary>
public sealed class UsableSources(
    SourceRegistry registry,
    CredentialVault vault,
    SourcePolicies policies,
    OAuthVault oauthRows,
    OAuthRefresher refresher
)
{
    /// <summary>Built-in sources, custom ones with a required field, and remote MCP servers that use OAuth (usable once the
    /// person connected them: the agent and the digest never ask a server nobody connected).</summary>
    public static bool NeedsCredentials(SourceDefinition source) =>
        source.IsBuiltIn || source.McpOAuth is not null || source.CredentialFields.Any(f => f.Required);

    public static bool CredentialsReady(SourceDefinition source, bool saved) => saved || !NeedsCredentials(source);

    public static bool IsUsable(SourceDefinition source, bool saved) => source.Enabled && CredentialsReady(source, saved);

    /// <summary>Every source of the registry, in its order, as this user has it.</summary>
    public async Task<IReadOnlyList<SourceAvailability>> ForUserAsync(string userId, CancellationToken ct)
    {
        var saved = await vault.ConfiguredDatasourcesAsync(userId, ct);
        var shared = await vault.SharedDatasourcesAsync(ct);
        var all = await policies.AllAsync(ct);
        return
        [
            .. registry.All.Select(s => new SourceAvailability(
                s,
                saved.Contains(s.Id),
                SourcePolicies.For(all, s.Id),
                shared.Contains(s.Id)
            )),
        ];
    }

    /// <summary>The sources this user can ask now.</summary>
    public async Task<IReadOnlyList<SourceDefinition>> UsableAsync(string userId, CancellationToken ct) =>
        [.. (await ForUserAsync(userId, ct)).Where(a => a.Usable).Select(a => a.Source)];

    /// <summary>
    /// The fields this user's connector of <paramref name="source"/> starts with — the shared credentials (shared
    /// connection) or the user's own, with the admin's fixed settings over them — or why it cannot start. An OAuth
    /// connection's access token is refreshed first when it is about to expire (<see cref="OAuthRefresher"/>); one the
    /// provider no longer honours cannot start, with the sentence to show. The <c>oauth_*</c> bookkeeping never leaves here.
    /// </summary>
    /// <param name="forceRefresh">A tool said the provider refused the access token: refresh an OAuth connection now.</param>
    /// <exception cref="CredentialDecryptionException">The saved row's key is not configured or the row was tampered with.</exception>
    public async Task<SourceSetup> SetupAsync(string userId, SourceDefinition source, CancellationToken ct, bool forceRefresh = false)
    {
        var policy = await policies.ForAsync(source.Id, ct);
        if (!source.Enabled || !policy.Enabled)
            return new SourceSetup(policy, null, McpHubFailure.UnknownSource, $"{source.Name} is not available: it is switched off.");
        var row = await oauthRows.FindAsync(policy.Shared ? null : userId, source.Id, ct);
        var credentials = row?.Fields;
        DateTime? freshUntil = null;
        if (row is { IsOAuth: true })
        {
            var fresh = await refresher.FreshAsync(row, policy.FixedSettings, forceRefresh, ct);
            if (fresh.Reconnect is { } sentence)
                return new SourceSetup(policy, null, McpHubFailure.NotConfigured, sentence) { Reconnect = true };
            credentials = fresh.Fields?.Where(f => !OAuthFields.IsBookkeeping(f.Key)).ToDictionary();
            // Until the refresher would renew the token; a token just renewed has an expiry this row does not say.
            freshUntil = fresh.Changed ? DateTime.MinValue : row.ExpiresAt - OAuthRefresher.Margin;
        }
        // A remote MCP server with OAuth starts without a connection: it may list its tools openly and ask for authorization
        // only when a tool is called, and that request is what brings the person the Connect prompt.
        if (!CredentialsReady(source, credentials is not null) && source.McpOAuth is null)
            return new SourceSetup(
                policy,
                null,
                McpHubFailure.NotConfigured,
                policy.Shared
                    ? $"{source.Name} is not connected yet: your admin connects it for everyone."
                    : $"{source.Name} is not configured yet: add your credentials under Data sources, then ask again."
            );
        return new SourceSetup(policy, policy.Effective(credentials), null, null) { FreshUntil = freshUntil };
    }
}

/// <param name="Fields">The connector's fields, fixed settings included; null when it cannot start.</param>
/// <param name="Failure">Why not: <see cref="McpHubFailure.UnknownSource"/> (switched off) or
/// <see cref="McpHubFailure.NotConfigured"/>; <paramref name="Problem"/> says it to a person.</param>
public sealed record SourceSetup(SourcePolicy Policy, IReadOnlyDictionary<string, string>? Fields, McpHubFailure? Failure, string? Problem)
{
    /// <summary>An OAuth connection the provider no longer honours: only the person (or, shared, the admin) can connect it
    /// again; <see cref="Problem"/> is the sentence.</summary>
    public bool Reconnect { get; init; }

    /// <summary>Until when these fields may be reused (an OAuth access token's renewal time, UTC); null: until they change.</summary>
    public DateTime? FreshUntil { get; init; }
}

/// <param name="HasCredentials">The user saved credentials for it (the wire's <c>configured</c> on a personal connection).</param>
/// <param name="SharedConfigured">The workspace's shared credentials are saved.</param>
public sealed record SourceAvailability(
    SourceDefinition Source,
    bool HasCredentials,
    SourcePolicy? Policy = null,
    bool SharedConfigured = false
)
{
    public SourcePolicy EffectivePolicy => Policy ?? SourcePolicy.Default(Source.Id);

    /// <summary>Enabled by the operator (connectors.json) and by the admin.</summary>
    public bool Enabled => Source.Enabled && EffectivePolicy.Enabled;

    public bool CredentialsReady => UsableSources.CredentialsReady(Source, EffectivePolicy.Shared ? SharedConfigured : HasCredentials);
    public bool Usable => Enabled && CredentialsReady;
}
