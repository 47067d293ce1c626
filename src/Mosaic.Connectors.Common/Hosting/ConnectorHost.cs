using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Mosaic.Connectors.Common.Configuration;
using Mosaic.Connectors.Common.Egress;
using Mosaic.Connectors.Common.Errors;

namespace Mosaic.Connectors.Common.Hosting;

/// <summary>The one call a connector's Program.cs makes.</summary>
public static class ConnectorHost
{
    /// <summary>Exit code for a configuration error detected before serving.</summary>
    public const int ConfigErrorExitCode = 2;

    /// <summary>
    /// Builds a stdio MCP server: logs on stderr only (stdout carries the protocol), env-var
    /// configuration validated before serving (MOSAIC_EGRESS_ALLOW included), tool errors turned into actionable isError results,
    /// READ_ONLY / TOOLS applied. Returns the process exit code.
    /// </summary>
    public static async Task<int> RunAsync(string[] args, ConnectorInfo info, Action<ConnectorBuilder> configure)
    {
        try
        {
            using var host = Build(args, info, configure, new EnvConfig());
            await host.RunAsync();
            return 0;
        }
        catch (ConnectorConfigException ex)
        {
            await Console.Error.WriteLineAsync($"{info.ServerName}: configuration error: {ex.Message}");
            return ConfigErrorExitCode;
        }
    }

    /// <summary>Builds (but does not run) the host; throws <see cref="ConnectorConfigException"/> on bad settings.</summary>
    public static IHost Build(string[] args, ConnectorInfo info, Action<ConnectorBuilder> configure, EnvConfig env)
    {
        // The empty builder skips appsettings/user-secrets discovery: faster cold start, and all
        // settings come from the explicit env vars the host passes.
        var hostBuilder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { Args = args });
        hostBuilder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        hostBuilder.Logging.SetMinimumLevel(ParseLevel(env.Optional("LOG_LEVEL")));

        var mcp = hostBuilder
            .Services.AddMcpServer(o => o.ServerInfo = new Implementation { Name = info.ServerName, Version = info.Version })
            .WithStdioServerTransport()
            .WithRequestFilters(f => f.AddCallToolFilter(next => ToolErrorFilter.Wrap(next, info.Service)));

        var selection = ToolSelection.FromEnv(env);
        // Every connection this connector opens goes through it (HTTP clients, the S3 SDK, MySQL).
        var egress = EgressPolicy.FromEnv(env);
        hostBuilder.Services.AddSingleton(egress);
        configure(new ConnectorBuilder(info, hostBuilder, mcp, env, egress));
        env.ThrowIfInvalid();

        var host = hostBuilder.Build();
        try
        {
            var options = host.Services.GetRequiredService<IOptions<McpServerOptions>>().Value;
            selection.Apply(options.ToolCollection ??= []);
        }
        catch
        {
            host.Dispose();
            throw;
        }
        return host;
    }

    private static LogLevel ParseLevel(string? value) =>
        Enum.TryParse<LogLevel>(value, ignoreCase: true, out var level) ? level : LogLevel.Warning;
}
