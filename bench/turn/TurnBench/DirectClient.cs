using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using Mosaic.Server.Connectors.Hub;

namespace Mosaic.Bench.Turn;

/// <summary>
/// "The tool's own time": the same tool call made by a plain MCP client (ModelContextProtocol's McpClient over stdio) to
/// the same connector program the hub runs for this user and source, with the launch the hub resolves (program,
/// arguments, environment as the hub builds it, egress allow list) and, on a shared connector, the same per-call
/// credentials in <c>_meta</c>. No hub, no cache, no policy, no span: the connector round trip alone.
/// </summary>
sealed class DirectClient : IAsyncDisposable
{
    readonly McpClient _client;
    readonly RequestOptions? _options;

    DirectClient(McpClient client, RequestOptions? options)
    {
        _client = client;
        _options = options;
    }

    public static async Task<DirectClient> StartAsync(IServiceProvider services, string userId, string datasource)
    {
        var spec = await services.GetRequiredService<IConnectorLaunchResolver>().ResolveAsync(userId, datasource, default);
        if (spec is not StdioLaunchSpec stdio)
            throw new InvalidOperationException($"{datasource} is not a stdio connector here");
        var egress = services.GetRequiredService<HostEgress>().Policy;
        var allowed = spec.Egress.Count == 0 ? egress : egress.With(spec.Egress);
        var options = services.GetRequiredService<IOptions<McpHubOptions>>().Value;
        var transport = new StdioClientTransport(
            new StdioClientTransportOptions
            {
                Name = datasource,
                Command = stdio.Command,
                Arguments = [.. stdio.Arguments],
                WorkingDirectory = stdio.WorkingDirectory,
                InheritEnvironmentVariables = false,
                EnvironmentVariables = ChildEnvironment.Build(
                    stdio.Environment,
                    options.InheritedVariables,
                    Guid.NewGuid().ToString("N"),
                    allowed.Rules.Count == 0 ? null : allowed.ToString()
                ),
                ShutdownTimeout = TimeSpan.FromSeconds(2),
            }
        );
        var client = await McpClient.CreateAsync(
            transport,
            new McpClientOptions
            {
                ClientInfo = new() { Name = "bench", Version = "1.0" },
            }
        );
        return new DirectClient(client, CallOptions(spec));
    }

    /// <summary>What the hub adds to each call on a shared connector: the caller's credentials in <c>_meta</c>.</summary>
    static RequestOptions? CallOptions(McpLaunchSpec spec)
    {
        if (spec.CallCredentials is not { } credentials)
            return null;
        var values = new JsonObject();
        foreach (var (name, value) in credentials)
            values[name] = value;
        return new RequestOptions { Meta = new JsonObject { [McpLaunchSpec.CredentialsMeta] = values } };
    }

    public async Task<CallToolResult> CallAsync(string tool, IReadOnlyDictionary<string, JsonElement> arguments)
    {
        var args = arguments.ToDictionary(a => a.Key, a => (object?)a.Value);
        var result = await _client.CallToolAsync(tool, args, options: _options);
        if (result.IsError == true)
            throw new InvalidOperationException($"direct {tool} failed: {JsonSerializer.Serialize(result.Content)}");
        return result;
    }

    public ValueTask DisposeAsync() => _client.DisposeAsync();
}
