using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Mosaic.Connectors.Common.Configuration;
using Mosaic.Connectors.Common.Credentials;
using Mosaic.Connectors.Common.Egress;
using Mosaic.Connectors.Common.Errors;

namespace Mosaic.Connectors.Common.Hosting;

/// <summary>The MCP server every connector is, whatever carries it (stdio or HTTP): logging, settings, filters, tools.</summary>
internal static class ConnectorServer
{
    private static readonly Dictionary<string, string> NoCredentials = [];

    /// <summary>
    /// Registers the server, runs <paramref name="configure"/> and validates the settings (throws
    /// <see cref="ConnectorConfigException"/>). In per-call mode the process run registers the tools and the services their
    /// parameters bind to, but its own credentials may be absent: each call brings them and gets its own scope.
    /// </summary>
    public static IMcpServerBuilder Add(
        IServiceCollection services,
        ILoggingBuilder logging,
        ConnectorInfo info,
        Action<ConnectorBuilder> configure,
        EnvConfig env,
        bool perCall
    )
    {
        logging.ClearProviders();
        logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace); // stdout may carry the protocol
        var level = ParseLevel(env.Optional("LOG_LEVEL"));
        logging.SetMinimumLevel(level);
        if (perCall && level < LogLevel.Debug)
            logging.AddFilter("ModelContextProtocol", LogLevel.Debug); // the SDK's Trace lines hold whole messages, _meta included

        var mcp = services
            .AddMcpServer(o => o.ServerInfo = new Implementation { Name = info.ServerName, Version = info.Version })
            .WithRequestFilters(f =>
            {
                f.AddCallToolFilter(next => ToolErrorFilter.Wrap(next, info.Service));
                if (perCall)
                    f.AddCallToolFilter(CredentialFilter.Wrap);
            });

        var selection = ToolSelection.FromEnv(env);
        // Applied to every options instance: the stateless HTTP transport builds one per request.
        services.PostConfigure<McpServerOptions>(o => selection.Apply(o.ToolCollection ??= []));
        // Every connection this connector opens goes through it (HTTP clients, the S3 SDK, MySQL).
        var egress = EgressPolicy.FromEnv(env);
        services.AddSingleton(egress);

        if (perCall)
        {
            var capacity = env.Int(CredentialScopeCache.CapacityVariable, CredentialScopeCache.DefaultCapacity, 1, 100_000);
            var idle = env.Int(CredentialScopeCache.IdleVariable, CredentialScopeCache.DefaultIdleSeconds, 1, 86_400);
            // Its settings are never used, so what it misses is no error: the same reader, a separate record of problems.
            configure(new ConnectorBuilder(info, services, mcp, env.Overlay(NoCredentials), egress));
            services.TryAddSingleton(TimeProvider.System);
            services.AddSingleton(sp => new CredentialScopeCache(
                capacity,
                TimeSpan.FromSeconds(idle),
                sp.GetRequiredService<TimeProvider>()
            ));
            services.AddSingleton(sp => new CredentialScopeFactory(info, configure, env, sp.GetRequiredService<ILoggerFactory>(), egress));
        }
        else
            configure(new ConnectorBuilder(info, services, mcp, env, egress));
        env.ThrowIfInvalid();
        return mcp;
    }

    /// <summary>Whether the process environment asks for per-call credentials (MOSAIC_CREDENTIALS=per-call).</summary>
    public static bool PerCallFromEnv(EnvConfig env)
    {
        var mode = env.Optional(CallCredentials.ModeVariable);
        if (mode is null || mode.Equals("process", StringComparison.OrdinalIgnoreCase))
            return false;
        if (mode.Equals(CallCredentials.PerCallMode, StringComparison.OrdinalIgnoreCase))
            return true;
        env.Problem($"{CallCredentials.ModeVariable} must be {CallCredentials.PerCallMode} or unset (got \"{mode}\")");
        return false;
    }

    /// <summary>Checks what only the built provider can tell (TOOLS naming an unknown tool).</summary>
    public static void Validate(IServiceProvider services) => _ = services.GetRequiredService<IOptions<McpServerOptions>>().Value;

    private static LogLevel ParseLevel(string? value) =>
        Enum.TryParse<LogLevel>(value, ignoreCase: true, out var level) ? level : LogLevel.Warning;
}
