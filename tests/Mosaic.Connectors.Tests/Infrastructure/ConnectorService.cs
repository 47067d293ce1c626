using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using ModelContextProtocol.Client;

namespace Mosaic.Connectors.Tests.Infrastructure;

/// <summary>A built connector running as an HTTP service (<c>--http</c>) on a free loopback port, as a real process.</summary>
public sealed class ConnectorService : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _stderr = new();

    private ConnectorService(Process process, string url)
    {
        _process = process;
        Url = url;
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
                _stderr.Enqueue(e.Data);
        };
        process.OutputDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
    }

    /// <summary>The service's base URL, e.g. http://127.0.0.1:41234 (MCP at /mcp).</summary>
    public string Url { get; }

    public string Stderr => string.Join("\n", _stderr);

    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>Starts the service and waits until <c>/health</c> answers.</summary>
    public static async Task<ConnectorService> StartAsync(string connector, IReadOnlyDictionary<string, string> env)
    {
        var url = $"http://127.0.0.1:{SandboxFixture.FreePort()}";
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true };
        psi.ArgumentList.Add(RepoPaths.ConnectorDll(connector));
        psi.ArgumentList.Add("--http");
        psi.ArgumentList.Add(url);
        psi.Environment.Clear();
        foreach (var (key, value) in ConnectorProcess.ChildEnvironment(env))
            psi.Environment[key] = value;
        var service = new ConnectorService(Process.Start(psi)!, url);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (service._process.HasExited)
                throw new InvalidOperationException($"{connector} --http exited with {service._process.ExitCode}: {service.Stderr}");
            try
            {
                if ((await service.Http.GetAsync($"{url}/health")).IsSuccessStatusCode)
                    return service;
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            await Task.Delay(100);
        }
        await service.DisposeAsync();
        throw new TimeoutException($"{connector} --http did not answer /health within 60 s: {service.Stderr}");
    }

    /// <summary>An MCP client over Streamable HTTP, sending <paramref name="key"/> as the bearer token.</summary>
    public async Task<McpClient> ConnectAsync(string key)
    {
        var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        var transport = new HttpClientTransport(
            new HttpClientTransportOptions { Endpoint = new Uri($"{Url}/mcp"), TransportMode = HttpTransportMode.StreamableHttp },
            http,
            loggerFactory: null,
            ownsHttpClient: true
        );
        return await McpClient.CreateAsync(transport);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
