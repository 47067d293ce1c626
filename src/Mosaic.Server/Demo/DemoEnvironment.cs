using Microsoft.Extensions.Options;
using Mosaic.Server.Admin;
using Mosaic.Server.Configuration;
using Mosaic.Server.Connectors;
using Mosaic.Server.Connectors.Hub;
using Mosaic.Server.Credentials;
using Mosaic.Server.OAuth;
using Mosaic.Server.OAuth.Providers;
using Mosaic.Server.Sources.Jira;
using Mosaic.Server.Sources.MySql;
using Mosaic.Server.Sources.S3;

namespace Mosaic.Server.Demo;

/// <summary>What the demo runs: the Sandbox, s3rver when Node.js is there, and which sources got credentials.</summary>
public sealed record DemoStatus(string SandboxUrl, string? S3Url, IReadOnlyList<string> Sources, string? S3Note);

/// <summary>
/// --demo's sources: starts the Sandbox and s3rver as child processes (stopped with the server), seeds S3
/// with the demo files, and connects all seven sources from the Sandbox's --print-env (mysql: the Sandbox's demo
/// SQLite database): MySQL and S3 as the workspace's shared connections (their location fields fixed, the rest saved as
/// shared credentials), the others as the demo account's personal credentials, with where they connect fixed for the
/// whole workspace, so anyone else can click Connect (docs/oauth.md): the five providers point at the Sandbox's
/// authorization servers with its OAuth apps, in memory (<see cref="OAuthEnvironment"/>), never saved. Both children listen on loopback, so
/// exactly their host:port are added to the egress allow list, and the demo database's directory, nothing else,
/// to the directories SQLite sources may read. Singleton; disposed at shutdown.
/// </summary>
public sealed class DemoEnvironment(
    IServiceScopeFactory scopes,
    SourceRegistry registry,
    IOptions<MosaicSettings> options,
    HostEgress egress,
    SqliteFileAccess sqliteFiles,
    OAuthEnvironment oauth,
    OAuthProviders providers,
    TimeProvider time,
    ILogger<DemoEnvironment> logger,
    DemoWiki? wiki = null
) : IAsyncDisposable
{
    private DemoSandbox? _sandbox;
    private ChildProcess? _s3;

    public DemoStatus? Status { get; private set; }

    public async Task<DemoStatus> StartAsync(string userId, CancellationToken ct)
    {
        _sandbox = await DemoSandbox.StartAsync(time, ct, port: wiki?.SandboxPort);
        logger.LogInformation("Demo: Sandbox running at {Url} (pid {Pid})", _sandbox.BaseUrl, _sandbox.ProcessId);
        egress.Allow(HostEgress.EntryFor(new Uri(_sandbox.BaseUrl)));
        string? s3Note = null;
        try
        {
            _s3 = await DemoS3.StartAsync(options.Value.FullDataDir, logger, ct);
            if (_s3 is not null)
            {
                await DemoSandbox.SeedS3Async(_s3.BaseUrl, ct);
                egress.Allow(HostEgress.EntryFor(new Uri(_s3.BaseUrl)));
            }
            else
                s3Note = "S3 is left out: Node.js/npm was not found (s3rver needs it).";
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException)
        {
            logger.LogWarning("Demo: s3rver did not start, so S3 is left out: {Error}", e.Message);
            s3Note = $"S3 is left out: s3rver did not start ({e.Message.Split('\n')[0]}).";
            if (_s3 is not null)
                await _s3.DisposeAsync();
            _s3 = null;
        }

        var env = await _sandbox.PrintEnvAsync(_s3?.BaseUrl, ct);
        if (env.TryGetValue("oauth", out var apps))
            UseSandboxOAuth(apps);
        var saved = new List<string>();
        await using (var scope = scopes.CreateAsyncScope())
        {
            var vault = scope.ServiceProvider.GetRequiredService<CredentialVault>();
            var admin = scope.ServiceProvider.GetRequiredService<AdminSourceSettings>();
            foreach (var (datasource, variables) in env)
            {
                if (datasource == S3Source.Id && _s3 is null)
                    continue;
                if (variables.TryGetValue("SQLITE_PATH", out var sqlite) && !sqliteFiles.AllowDemoDatabase(sqlite))
                    continue;
                if (registry.Find(datasource) is not { } source)
                    continue;
                var fields = ToFields(source, variables);
                if (SharedInDemo.Contains(datasource))
                {
                    // Where to connect is fixed for everyone (the ports change with every start); the keys are shared.
                    var fixedValues = fields.Where(f => source.FindField(f.Key)?.Location == true).ToDictionary();
                    var shared = new UpdateSourceRequest(Connection: Connections.Shared);
                    await admin.UpdateAsync(source, shared, fixedValues, userId, ct);
                    await vault.SaveSharedAsync(datasource, fields.Where(f => !fixedValues.ContainsKey(f.Key)).ToDictionary(), userId, ct);
                }
                else
                {
                    // Where to connect is fixed for everyone, so a member who connects with OAuth reaches the Sandbox's
                    // APIs too; Jira's URL stays the demo account's own (an OAuth connection brings its site's URL).
                    var fixedValues = fields
                        .Where(f => source.FindField(f.Key)?.Location == true && datasource != JiraSource.Id)
                        .ToDictionary();
                    if (fixedValues.Count > 0)
                        await admin.UpdateAsync(source, new UpdateSourceRequest(), fixedValues, userId, ct);
                    await vault.SaveAsync(userId, datasource, fields.Where(f => !fixedValues.ContainsKey(f.Key)).ToDictionary(), ct);
                }
                saved.Add(datasource);
            }
        }
        Status = new DemoStatus(_sandbox.BaseUrl, _s3?.BaseUrl, saved, s3Note);
        return Status;
    }

    /// <summary>The Sandbox's <c>oauth</c> entry: each provider's base URL and app, as the environment would give them.</summary>
    void UseSandboxOAuth(IReadOnlyDictionary<string, string> variables)
    {
        foreach (var provider in providers.All)
        {
            var prefix = provider.EnvPrefix;
            if (
                variables.TryGetValue($"{prefix}_OAUTH_BASE_URL", out var baseUrl)
                && variables.TryGetValue($"{prefix}_OAUTH_CLIENT_ID", out var id)
                && variables.TryGetValue($"{prefix}_OAUTH_CLIENT_SECRET", out var secret)
            )
                oauth.Use(provider, new Uri(baseUrl), new OAuthClientApp(id, secret));
        }
    }

    /// <summary>The sources the demo workspace connects for everyone; the others are personal.</summary>
    static readonly HashSet<string> SharedInDemo = [MySqlSource.Id, S3Source.Id];

    /// <summary>The credential fields whose env vars the Sandbox printed (the reverse of the connector's mapping).</summary>
    public static Dictionary<string, string> ToFields(SourceDefinition source, IReadOnlyDictionary<string, string> variables) =>
        source
            .CredentialFields.Where(f => f.EnvVar is not null && variables.ContainsKey(f.EnvVar))
            .ToDictionary(f => f.Name, f => variables[f.EnvVar!]);

    public async ValueTask DisposeAsync()
    {
        if (_s3 is not null)
            await _s3.DisposeAsync();
        if (_sandbox is not null)
            await _sandbox.DisposeAsync();
    }
}
