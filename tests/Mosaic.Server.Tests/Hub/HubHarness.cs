using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Mosaic.Server.Connectors.Hub;

namespace Mosaic.Server.Tests.Hub;

/// <summary>A real <see cref="McpHub"/> (real processes, real caches) with launch specs set by the test.</summary>
public sealed class HubHarness : IAsyncDisposable
{
    readonly ServiceProvider _services;

    /// <param name="egressAllow">The host's MOSAIC_EGRESS_ALLOW (remote MCP servers on loopback need their host:port).</param>
    /// <param name="logs">Where the hub's (and the MCP SDK's) log lines go, at <paramref name="minimum"/> and above.</param>
    public HubHarness(
        Action<McpHubOptions>? configure = null,
        FakeTimeProvider? time = null,
        string? egressAllow = null,
        CapturedLogs? logs = null,
        LogLevel minimum = LogLevel.Debug
    )
    {
        var services = new ServiceCollection().AddLogging(l =>
        {
            l.SetMinimumLevel(minimum);
            if (logs is not null)
                l.AddProvider(logs);
        });
        if (time is not null)
            services.AddSingleton<TimeProvider>(time);
        services.AddSingleton<IConnectorLaunchResolver>(Resolver);
        services.AddMcpHub(
            new ConfigurationBuilder()
                .AddInMemoryCollection(new Dictionary<string, string?> { ["MOSAIC_EGRESS_ALLOW"] = egressAllow })
                .Build()
        );
        services.Configure<McpHubOptions>(o => configure?.Invoke(o));
        _services = services.BuildServiceProvider();
        Hub = _services.GetRequiredService<McpHub>();
    }

    public McpHub Hub { get; }
    public TestResolver Resolver { get; } = new();

    /// <summary>
    /// server-everything for this user, with the given credentials as env vars and its annotations believed (as for a
    /// built-in connector; these tests are about sessions and caches, ToolTrustTests about trust).
    /// </summary>
    public void UseEverything(string user, string datasource = "everything", IReadOnlyDictionary<string, string>? env = null) =>
        Resolver.Set(
            user,
            datasource,
            new StdioLaunchSpec(TestTools.Everything, ["stdio"], env ?? new Dictionary<string, string>()) { Trust = ToolTrust.Annotations }
        );

    public int? Pid(string user, string datasource = "everything") =>
        Hub.GetStatus().Sessions.SingleOrDefault(s => s.UserId == user && s.Datasource == datasource)?.ProcessId;

    public Task<McpToolResult> EchoAsync(string user, string message, string datasource = "everything", CancellationToken ct = default) =>
        Hub.CallToolAsync(user, datasource, "echo", Args(new { message }), ct);

    public static IReadOnlyDictionary<string, JsonElement> Args(object value) =>
        JsonSerializer.SerializeToElement(value).EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone());

    public async ValueTask DisposeAsync() => await _services.DisposeAsync();
}

public sealed class TestResolver : IConnectorLaunchResolver
{
    readonly ConcurrentDictionary<(string, string), McpLaunchSpec> _specs = new();
    public int Calls;

    public void Set(string user, string datasource, McpLaunchSpec spec) => _specs[(user, datasource)] = spec;

    public void Remove(string user, string datasource) => _specs.TryRemove((user, datasource), out _);

    public Task<McpLaunchSpec> ResolveAsync(string userId, string datasource, CancellationToken ct)
    {
        Interlocked.Increment(ref Calls);
        return _specs.TryGetValue((userId, datasource), out var spec)
            ? Task.FromResult(spec)
            : throw new McpHubException(McpHubFailure.NotConfigured, datasource, $"No credentials for {datasource}.");
    }
}
