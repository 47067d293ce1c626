using System.Collections.Concurrent;
using System.Diagnostics;
using ModelContextProtocol.Client;

namespace Mosaic.Connectors.Tests.Infrastructure;

/// <summary>
/// Runs a built connector as a real child process over stdio and connects the MCP C# client to it.
/// The child gets only the variables given (plus what `dotnet` itself needs), never the test
/// runner's environment, so no secret leaks in and tests state exactly what a connector sees.
/// </summary>
public sealed class ConnectorProcess : IAsyncDisposable
{
    private readonly ConcurrentQueue<string> _stderr;

    private ConnectorProcess(McpClient client, ConcurrentQueue<string> stderr)
    {
        Client = client;
        _stderr = stderr;
    }

    public McpClient Client { get; }

    /// <summary>What the connector logged on stderr so far.</summary>
    public string Stderr => string.Join("\n", _stderr);

    public static async Task<ConnectorProcess> StartAsync(
        string connector,
        IReadOnlyDictionary<string, string> env,
        CancellationToken cancellationToken = default
    )
    {
        var stderr = new ConcurrentQueue<string>();
        var transport = new StdioClientTransport(
            new StdioClientTransportOptions
            {
                Name = connector,
                Command = "dotnet",
                Arguments = [RepoPaths.ConnectorDll(connector)],
                InheritEnvironmentVariables = false,
                EnvironmentVariables = ChildEnvironment(env),
                StandardErrorLines = stderr.Enqueue,
                ShutdownTimeout = TimeSpan.FromSeconds(5),
            }
        );
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        try
        {
            var client = await McpClient.CreateAsync(transport, cancellationToken: timeout.Token);
            return new ConnectorProcess(client, stderr);
        }
        catch (Exception ex)
        {
            throw new InvalidOperationException(
                $"Connector {connector} did not start: {ex.Message}\nstderr:\n{string.Join("\n", stderr)}",
                ex
            );
        }
    }

    public async Task<ToolCallResult> CallAsync(string tool, object? args = null, CancellationToken cancellationToken = default)
    {
        var result = await Client.CallToolAsync(tool, Arguments(args), cancellationToken: cancellationToken);
        return new ToolCallResult(result);
    }

    /// <summary>A call in per-call credential mode: <paramref name="credentials"/> travel in the request's <c>_meta</c>.</summary>
    public async Task<ToolCallResult> CallAsAsync(
        IReadOnlyDictionary<string, string> credentials,
        string tool,
        object? args = null,
        CancellationToken cancellationToken = default
    ) => new(await PerCallEnv.CallAsync(Client, credentials, tool, args, cancellationToken));

    public async Task<IReadOnlyList<string>> ToolNamesAsync(CancellationToken cancellationToken = default) =>
        (await Client.ListToolsAsync(cancellationToken: cancellationToken)).Select(t => t.Name).Order(StringComparer.Ordinal).ToList();

    internal static IReadOnlyDictionary<string, object?> Arguments(object? args) =>
        args switch
        {
            null => new Dictionary<string, object?>(),
            IReadOnlyDictionary<string, object?> d => d,
            _ => args.GetType().GetProperties().ToDictionary(p => p.Name, p => p.GetValue(args)),
        };

    /// <summary>Runs a connector without a client, for start-up failures: returns its exit code and stderr.</summary>
    public static async Task<(int ExitCode, string Stderr)> RunToExitAsync(
        string connector,
        IReadOnlyDictionary<string, string> env,
        TimeSpan? timeout = null,
        params string[] args
    )
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            RedirectStandardInput = true,
        };
        psi.ArgumentList.Add(RepoPaths.ConnectorDll(connector));
        foreach (var arg in args)
            psi.ArgumentList.Add(arg);
        psi.Environment.Clear();
        foreach (var (key, value) in ChildEnvironment(env))
            psi.Environment[key] = value;
        using var process = Process.Start(psi)!;
        var stderr = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new Xunit.Sdk.XunitException($"{connector} kept running instead of exiting; stderr: {await stderr}");
        }
        return (process.ExitCode, await stderr);
    }

    /// <summary>The explicit variables plus the few `dotnet` needs to start (no secrets among them).</summary>
    internal static Dictionary<string, string?> ChildEnvironment(IReadOnlyDictionary<string, string> env)
    {
        var result = new Dictionary<string, string?>();
        foreach (var name in new[] { "PATH", "HOME", "DOTNET_ROOT", "TMPDIR" })
            if (Environment.GetEnvironmentVariable(name) is { } value)
                result[name] = value;
        result["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        result["DOTNET_NOLOGO"] = "1";
        foreach (var (key, value) in env)
            result[key] = value;
        return result;
    }

    public async ValueTask DisposeAsync() => await Client.DisposeAsync();
}
