using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Mosaic.Server.Configuration;
using Mosaic.Server.Credentials;

namespace Mosaic.Server.Connectors.Hub;

public static class McpHubServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="McpHub"/> as <see cref="IMcpHub"/>, with <see cref="McpHubOptions"/> bound from their
    /// variables (CONNECTION_IDLE_TIMEOUT, MCP_CALL_TIMEOUT, MCP_MAX_SESSIONS, …) and checked at start-up.
    /// MOSAIC_EGRESS_ALLOW is the <see cref="HostEgress"/> allow list. Needs an <see cref="IConnectorLaunchResolver"/>;
    /// when an <see cref="ICredentialChangeNotifier"/> is registered, its notices replace sessions at once.
    /// </summary>
    public static IServiceCollection AddMcpHub(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSettings<McpHubOptions>(configuration);
        var urls = new ConnectorServiceUrls(configuration);
        services.AddSingleton<IPostConfigureOptions<McpHubOptions>>(urls);
        services.AddSingleton<IValidateOptions<McpHubOptions>>(urls);
        services.TryAddSingleton(TimeProvider.System);
        services.AddHybridCache();
        services.TryAddSingleton(sp => new HostEgress(sp.GetRequiredService<IOptions<McpHubOptions>>().Value.EgressAllow));
        services.TryAddSingleton<McpSessionStarter>();
        services.TryAddSingleton<McpHubCache>();
        services.TryAddSingleton(Create);
        services.TryAddSingleton<IMcpHub>(sp => sp.GetRequiredService<McpHub>());
        // A connection test with credentials not saved yet: its own process, outside the session table.
        services.TryAddTransient(sp => new OneOffSession(
            sp.GetRequiredService<McpSessionStarter>(),
            sp.GetRequiredService<BuiltInConnectorLocator>(),
            sp.GetRequiredService<SqliteFileAccess>(),
            sp.GetRequiredService<IOptions<McpHubOptions>>()
        ));
        return services;
    }

    static McpHub Create(IServiceProvider sp)
    {
        var options = sp.GetRequiredService<IOptions<McpHubOptions>>();
        var time = sp.GetRequiredService<TimeProvider>();
        var log = sp.GetRequiredService<ILogger<McpHub>>();
        var cache = sp.GetRequiredService<McpHubCache>();
        var sessions = new SessionTable(sp.GetRequiredService<McpSessionStarter>(), options, time, log);
        var caller = new GuardedCaller(sessions, options, time, log);
        var changes = new LaunchChanges(sp.GetRequiredService<IConnectorLaunchResolver>(), sessions, caller, cache, log);
        if (sp.GetService<ICredentialChangeNotifier>() is { } notifier)
            notifier.Changed += change => _ = NoticeAsync(changes, change, log);
        return new McpHub(changes, cache, caller, sessions, new ToolListWatch(cache, log), sp.GetService<IToolCredentialRefresh>());
    }

    static async Task NoticeAsync(LaunchChanges changes, CredentialChange change, ILogger log)
    {
        // The tool policy is applied on every request from the launch SetupCache reads again: no session restarts for it.
        if (change.Kind == CredentialChangeKind.Policy)
            return;
        try
        {
            if (change.UserId is null)
                await changes.NoticeSourceAsync(change.Datasource);
            else
                await changes.NoticeAsync(new SessionKey(change.UserId, change.Datasource));
        }
        catch (Exception e)
        {
            log.LogWarning(
                "Could not replace the {Datasource} session of user {UserId} after a credential change: {Error}",
                change.Datasource,
                change.UserId ?? "(every user)",
                e.Message
            );
        }
    }
}
