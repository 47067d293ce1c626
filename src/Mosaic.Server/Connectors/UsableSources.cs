using Mosaic.Server.Credentials;

namespace Mosaic.Server.Connectors;

/// <summary>
/// Which sources a user can ask: the one definition the agent, the digest, /api/datasources and the hub's
/// launch resolver share. A source is usable when it is enabled and its credentials are ready: saved, or
/// not needed (a custom source whose fields are all optional). Built-in sources always need saved ones.
/// </summary>
public sealed class UsableSources(SourceRegistry registry, CredentialVault vault)
{
    public static bool NeedsCredentials(SourceDefinition source) => source.IsBuiltIn || source.CredentialFields.Any(f => f.Required);

    public static bool CredentialsReady(SourceDefinition source, bool saved) => saved || !NeedsCredentials(source);

    public static bool IsUsable(SourceDefinition source, bool saved) => source.Enabled && CredentialsReady(source, saved);

    /// <summary>Every source of the registry, in its order, as this user has it.</summary>
    public async Task<IReadOnlyList<SourceAvailability>> ForUserAsync(string userId, CancellationToken ct)
    {
        var saved = await vault.ConfiguredDatasourcesAsync(userId, ct);
        return [.. registry.All.Select(s => new SourceAvailability(s, saved.Contains(s.Id)))];
    }

    /// <summary>The sources this user can ask now.</summary>
    public async Task<IReadOnlyList<SourceDefinition>> UsableAsync(string userId, CancellationToken ct) =>
        [.. (await ForUserAsync(userId, ct)).Where(a => a.Usable).Select(a => a.Source)];
}

/// <param name="HasCredentials">The user saved credentials for it (the wire's <c>configured</c>).</param>
public sealed record SourceAvailability(SourceDefinition Source, bool HasCredentials)
{
    public bool CredentialsReady => UsableSources.CredentialsReady(Source, HasCredentials);
    public bool Usable => UsableSources.IsUsable(Source, HasCredentials);
}
