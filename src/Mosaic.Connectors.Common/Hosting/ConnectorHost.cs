using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Mosaic.Connectors.Common.Configuration;
using Mosaic.Connectors.Common.Telemetry;

namespace Mosaic.Connectors.Common.Hosting;

/// <summary>The one call a connector's Program.cs makes.</summary>
public static class ConnectorHost
{
    /// <summary>Exit code for a configuration error detected before serving.</summary>
    public const int ConfigErrorExitCode = 2;

    /// <summary>
    /// Serves the connector: over stdio, or as an HTTP service with <c>--http &lt;listen-url&gt;</c> (see
    /// <see cref="ConnectorHttpService"/>). Logs on stderr only (stdout carries the protocol), env-var configuration
    /// validated before serving (MOSAIC_EGRESS_ALLOW included), tool errors turned into actionable isError results,
    /// READ_ONLY / TOOLS applied, per-call credentials when asked for, traces (<see cref="ConnectorTelemetry"/>).
    /// Returns the process exit code.
    /// </summary>
    public static async Task<int> RunAsync(string[] args, ConnectorInfo info, Action<ConnectorBuilder> configure)
    {
        try
        {
            var env = new EnvConfig();
            // Tool calls join the caller's trace (_meta.traceparent), and their upstream calls carry it on.
            using var telemetry = ConnectorTelemetry.Start(info, env);
            // The web host is only built (and its assemblies only loaded) in HTTP mode: stdio start-up stays as cheap as before.
            if (ConnectorHttpService.ListenUrl(args) is { } listen)
                return ConnectorHttpService.IsSupported
                    ? await ConnectorHttpService.RunAsync(listen, info, configure, env)
                    : throw new ConnectorConfigException(
                        "this build has no HTTP service mode (published with MosaicHttpService=false); run it over stdio"
                    );
            using var host = Build(args, info, configure, env);
            await host.RunAsync();
            return 0;
        }
        catch (ConnectorConfigException ex)
        {
            await Console.Error.WriteLineAsync($"{info.ServerName}: configuration error: {ex.Message}");
            return ConfigErrorExitCode;
        }
    }

    /// <summary>Builds (but does not run) the stdio host; throws <see cref="ConnectorConfigException"/> on bad settings.</summary>
    public static IHost Build(string[] args, ConnectorInfo info, Action<ConnectorBuilder> configure, EnvConfig env)
    {
        // The empty builder skips appsettings/user-secrets discovery: faster cold start, and all
        // settings come from the explicit env vars the host passes.
        var hostBuilder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { Args = args });
        var perCall = ConnectorServer.PerCallFromEnv(env);
        ConnectorServer.Add(hostBuilder.Services, hostBuilder.Logging, info, configure, env, perCall).WithStdioServerTransport();
        var host = hostBuilder.Build();
        try
        {
            ConnectorServer.Validate(host.Services);
        }
        catch
        {
            host.Dispose();
            throw;
        }
        return host;
    }
}
