using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using ModelContextProtocol;

namespace Mosaic.Server.Connectors.Hub;

/// <summary>How to reach one user's MCP server for one source: a child process or a remote URL.</summary>
public abstract record McpLaunchSpec
{
    /// <summary>Which tools count as read-only (per source, not part of the fingerprint). Default: none.</summary>
    public ToolTrust Trust { get; init; } = ToolTrust.OnlyListed([]);

    /// <summary>The workspace's tool policy for the source, applied after <see cref="Trust"/> (not part of the fingerprint:
    /// a policy change needs no new session, and is read again on every request).</summary>
    public ToolPolicy Policy { get; init; } = ToolPolicy.None;

    /// <summary>Egress allow entries for this source's connector only, from settings the admin fixed (never a member's).
    /// Added to the operator's MOSAIC_EGRESS_ALLOW for this process; already reflected in the fingerprint by the values.</summary>
    public IReadOnlyList<string> Egress { get; init; } = [];

    /// <summary>
    /// Set for a connector every user shares (a pool process or a connector service): the user's credentials as the
    /// variables process isolation would have put in the environment, sent with each call instead (in the request's
    /// <c>_meta</c>, <see cref="CredentialsMeta"/>). Not part of <see cref="Fingerprint"/>: users share the process.
    /// </summary>
    public IReadOnlyDictionary<string, string>? CallCredentials { get; init; }

    /// <summary>The <c>_meta</c> key the credentials travel under (docs/connectors.md#per-call-credentials).</summary>
    public const string CredentialsMeta = "mosaic/credentials";

    public bool Shared => CallCredentials is not null;

    /// <summary>What a tool call adds for this launch: on a shared connector, the caller's credentials in <c>_meta</c>.</summary>
    internal RequestOptions? CallOptions()
    {
        if (CallCredentials is not { } credentials)
            return null;
        var values = new JsonObject();
        foreach (var (name, value) in credentials)
            values[name] = value;
        return new RequestOptions { Meta = new JsonObject { [CredentialsMeta] = values } };
    }

    /// <summary>A value that changes whenever the launch changes: the process or URL and, unless <see cref="Shared"/>,
    /// the credentials in it. Memory only.</summary>
    internal string Fingerprint() => Hashes().Launch ??= HashLaunch();

    private protected abstract string HashLaunch();

    /// <summary>Tells one set of <see cref="CallCredentials"/> from another (a hash; memory only).</summary>
    internal string CredentialFingerprint() =>
        Hashes().Credentials ??= LaunchFingerprint.Of(
            (CallCredentials ?? new Dictionary<string, string>())
                .OrderBy(e => e.Key, StringComparer.Ordinal)
                .SelectMany(e => new[] { e.Key, e.Value })
        );

    /// <summary>Changes when anything of the user's launch changes, their per-call credentials included (memory only).</summary>
    internal string UserFingerprint() =>
        Hashes().User ??= Shared ? LaunchFingerprint.Of([Fingerprint(), CredentialFingerprint()]) : Fingerprint();

    // A spec is immutable and, kept by SetupCache, asked for its hashes by every call: each instance hashes once. Kept
    // beside the instance rather than in it, so a copy made with `with` (other values) never inherits them.
    static readonly ConditionalWeakTable<McpLaunchSpec, SpecHashes> Memo = new();

    SpecHashes Hashes() => Memo.GetValue(this, _ => new SpecHashes());

    sealed class SpecHashes
    {
        public string? Launch;
        public string? Credentials;
        public string? User;
    }

    /// <summary>The values the connector's log lines must never show (credentials, filled-in headers).</summary>
    internal IEnumerable<string> Secrets() => LaunchSecrets().Concat(CallCredentials?.Values ?? []);

    private protected abstract IEnumerable<string> LaunchSecrets();
}

/// <param name="Environment">Only these variables reach the child, besides the host allow-list.</param>
public sealed record StdioLaunchSpec(
    string Command,
    IReadOnlyList<string> Arguments,
    IReadOnlyDictionary<string, string> Environment,
    string? WorkingDirectory = null
) : McpLaunchSpec
{
    private protected override string HashLaunch() =>
        LaunchFingerprint.Of([
            "stdio",
            Command,
            WorkingDirectory ?? "",
            .. Arguments,
            .. Environment.OrderBy(e => e.Key, StringComparer.Ordinal).SelectMany(e => new[] { e.Key, e.Value }),
        ]);

    private protected override IEnumerable<string> LaunchSecrets() => Environment.Values;
}

/// <param name="Headers">Sent with every request, credentials already filled in.</param>
public sealed record HttpLaunchSpec(Uri Url, IReadOnlyDictionary<string, string> Headers) : McpLaunchSpec
{
    /// <summary>A connector service the operator configured (<c>MOSAIC_CONNECTOR_URL_…</c>), reached whatever the egress
    /// policy says: it is the operator's own address, not one a user supplied.</summary>
    public bool OperatorService { get; init; }

    private protected override string HashLaunch() =>
        LaunchFingerprint.Of([
            "http",
            Url.AbsoluteUri,
            .. Headers.OrderBy(h => h.Key, StringComparer.Ordinal).SelectMany(h => new[] { h.Key, h.Value }),
        ]);

    // "Bearer abc": the credential alone may show up too.
    private protected override IEnumerable<string> LaunchSecrets() =>
        Headers.Values.SelectMany(v => v.Split(' ', 2) is [_, var rest] ? new[] { v, rest } : [v]);
}

internal static class LaunchFingerprint
{
    // A hash so the session table never holds a second plain copy of the secrets it compares.
    public static string Of(IEnumerable<string> parts) =>
        Convert.ToHexString(
            System.Security.Cryptography.SHA256.HashData(
                System.Text.Encoding.UTF8.GetBytes(string.Join('\0', parts.Select(p => p.Length + ":" + p)))
            )
        );
}

/// <summary>
/// Turns (user, datasource) into a launch spec: looks the source up, reads the user's credentials and
/// maps them to env vars or headers. Throws <see cref="McpHubException"/> (UnknownSource, NotConfigured).
/// </summary>
public interface IConnectorLaunchResolver
{
    Task<McpLaunchSpec> ResolveAsync(string userId, string datasource, CancellationToken ct);
}
