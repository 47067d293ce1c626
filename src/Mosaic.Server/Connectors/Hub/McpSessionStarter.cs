using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ModelContextProtocol.Client;
using Mosaic.Connectors.Common.Egress;

namespace Mosaic.Server.Connectors.Hub;

/// <summary>Starts the MCP server described by a launch spec and completes the MCP handshake.</summary>
internal sealed class McpSessionStarter(
    IOptions<McpHubOptions> options,
    ILoggerFactory loggerFactory,
    TimeProvider time,
    HostEgress egress,
    Mosaic.Server.OAuth.Mcp.McpOAuthClients? oauth = null
)
{
    readonly ILogger _log = loggerFactory.CreateLogger<McpHub>();

    public async Task<McpSession> StartAsync(SessionKey key, McpLaunchSpec spec, CancellationToken ct)
    {
        var marker = Guid.NewGuid().ToString("N");
        // The SDK logs what the connector prints; ConnectorLogging keeps that at Debug and redacted.
        var logs = ConnectorLogging.For(loggerFactory, spec);
        // The operator's allow list, plus the hosts the admin fixed for this source (this source's processes only).
        var allowed = spec.Egress.Count == 0 ? egress.Policy : egress.Policy.With(spec.Egress);
        IClientTransport transport = spec switch
        {
            StdioLaunchSpec s => new StdioClientTransport(
                new StdioClientTransportOptions
                {
                    Name = key.Datasource,
                    Command = s.Command,
                    Arguments = [.. s.Arguments],
                    WorkingDirectory = s.WorkingDirectory,
                    // Off: otherwise the child would get the host's whole environment, secrets included.
                    InheritEnvironmentVariables = false,
                    EnvironmentVariables = ChildEnvironment.Build(
                        s.Environment,
                        options.Value.InheritedVariables,
                        marker,
                        allowed.Rules.Count == 0 ? null : allowed.ToString()
                    ),
                    ShutdownTimeout = TimeSpan.FromSeconds(2),
                    // stderr may echo what the connector was given: Debug only, redacted.
                    StandardErrorLines = logs.StderrLine(key),
                },
                logs
            ),
            HttpLaunchSpec h => new HttpClientTransport(
                new HttpClientTransportOptions
                {
                    Name = key.Datasource,
                    Endpoint = h.Url,
                    TransportMode = HttpTransportMode.StreamableHttp,
                    AdditionalHeaders = h.Headers.ToDictionary(),
                    ConnectionTimeout = options.Value.StartTimeout,
                    // "auth": "oauth": the SDK's OAuth client, tokens from the vault; never asks anyone (ConnectNeeded).
                    OAuth = oauth?.ForSession(key),
                },
                new HttpClient(h.OperatorService ? new SocketsHttpHandler() : allowed.CreateHandler()),
                logs,
                ownsHttpClient: true
            ), // internal addresses only if allowed (the operator's own connector services aside)
            _ => throw new ArgumentOutOfRangeException(nameof(spec)),
        };

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(options.Value.StartTimeout);
        McpClient client;
        try
        {
            client = await McpClient.CreateAsync(
                transport,
                new McpClientOptions
                {
                    ClientInfo = new() { Name = "mosaic", Version = "1.0" },
                    InitializationTimeout = options.Value.StartTimeout,
                },
                logs,
                timeout.Token
            );
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw McpHub.Cancelled(key.Datasource);
        }
        catch (Exception ex) when (Mosaic.Server.OAuth.Mcp.McpOAuthClients.FindConnectNeeded(ex) is { } needed)
        {
            throw needed;
        }
        catch (Exception ex)
        {
            _log.LogWarning(
                "Could not start the {Datasource} connector for user {UserId}: {Error}",
                key.Datasource,
                key.UserId,
                ex.GetType().Name
            );
            throw new McpHubException(
                McpHubFailure.StartFailed,
                key.Datasource,
                $"Could not start the {key.Datasource} connector: {Describe(ex)}",
                ex
            );
        }

        var pid = spec is StdioLaunchSpec ? ChildProcessFinder.Find(marker) : null;
        _log.LogInformation("Started {Datasource} connector for user {UserId} (pid {Pid})", key.Datasource, key.UserId, pid);
        var fingerprint = spec.Fingerprint();
        return new McpSession(key, client, pid, fingerprint, time.GetUtcNow())
        {
            ToolsKey = spec.Shared ? SessionKey.SharedTools(key.Datasource, fingerprint) : key,
        };
    }

    static string Describe(Exception ex) =>
        EgressRefusedException.Find(ex)?.Message
        ?? ex switch
        {
            OperationCanceledException => "it did not answer the MCP handshake in time.",
            ClientTransportClosedException { Details: StdioClientCompletionDetails d } =>
                $"the process exited{(d.ExitCode is { } code ? $" with code {code}" : "")} before the MCP handshake completed.",
            System.ComponentModel.Win32Exception => "the command could not be run (not found or not executable).",
            HttpRequestException h => $"the server could not be reached ({h.StatusCode?.ToString() ?? h.HttpRequestError.ToString()}).",
            // Only the first line: the SDK appends the connector's stderr tail, which is not for the user's screen.
            _ => ex.Message.Split('\n', 2)[0].TrimEnd(),
        };
}
