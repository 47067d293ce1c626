using System.Diagnostics;
using Microsoft.Extensions.Options;
using ModelContextProtocol;

namespace Mosaic.Server.Connectors.Hub;

/// <summary>
/// A connector started once, with credentials that are not saved (a connection test before saving): launched the way the
/// hub launches it (<see cref="ConnectorLaunch.ToSpec"/>, <see cref="McpSessionStarter"/>: the same environment, egress policy
/// and operator settings), but never put in the hub's session table, never cached, and closed when disposed. Transient: one per
/// request; the caller disposes it (the request scope would too).
/// </summary>
public sealed class OneOffSession : IAsyncDisposable
{
    readonly McpSessionStarter _starter;
    readonly BuiltInConnectorLocator _locator;
    readonly SqliteFileAccess _sqliteFiles;
    readonly McpHubOptions _options;
    McpSession? _session;
    McpLaunchSpec? _spec;
    ToolTrust _trust = ToolTrust.OnlyListed([]);

    internal OneOffSession(
        McpSessionStarter starter,
        BuiltInConnectorLocator locator,
        SqliteFileAccess sqliteFiles,
        IOptions<McpHubOptions> options
    ) => (_starter, _locator, _sqliteFiles, _options) = (starter, locator, sqliteFiles, options.Value);

    /// <summary>Starts the source's connector with exactly the launch's fields. Throws <see cref="McpHubException"/>.</summary>
    public async Task StartAsync(string userId, SourceDefinition source, OneOffLaunch launch, CancellationToken ct)
    {
        if (_session is not null)
            throw new InvalidOperationException("A one-off session starts once.");
        // Placed like the hub's sessions (a connector service when one is configured), but never in a shared pool: the
        // credentials under test reach a process of their own (or the service) only with this test's calls.
        var spec = ConnectorLaunch.ToSpec(source, launch.Fields, _locator, _sqliteFiles.OperatorValues, _options) with
        {
            Egress = launch.Egress,
        };
        _spec = spec;
        _trust = spec.Trust;
        _session = await _starter.StartAsync(new SessionKey(userId, source.Id), spec, ct);
    }

    /// <summary>The tools, judged by the source's <see cref="ToolTrust"/> as the hub judges them.</summary>
    public Task<IReadOnlyList<McpToolInfo>> ListToolsAsync(CancellationToken ct) =>
        WithTimeoutAsync<IReadOnlyList<McpToolInfo>>(
            async (s, t) =>
                [.. (await s.Client.ListToolsAsync(cancellationToken: t)).Select(McpResultMapper.ToDeclared).Select(_trust.Apply)],
            ct
        );

    /// <summary>Calls a tool without arguments; an error the server answers with is an error result, as in the hub.</summary>
    public Task<McpToolResult> CallToolAsync(string tool, CancellationToken ct) =>
        WithTimeoutAsync(
            async (s, t) =>
            {
                var started = Stopwatch.GetTimestamp();
                try
                {
                    var result = McpResultMapper.ToResult(
                        await s.Client.CallToolAsync(tool, options: _spec?.CallOptions(), cancellationToken: t)
                    );
                    return new McpToolResult(result.IsError, result.Text, result.Structured, Stopwatch.GetElapsedTime(started), false);
                }
                catch (McpProtocolException e)
                {
                    return new McpToolResult(true, $"{s.Key.Datasource} says: {e.Message}", null, Stopwatch.GetElapsedTime(started), false);
                }
            },
            ct
        );

    async Task<T> WithTimeoutAsync<T>(Func<McpSession, CancellationToken, Task<T>> request, CancellationToken ct)
    {
        var session = _session ?? throw new InvalidOperationException("Start the one-off session first.");
        var ds = session.Key.Datasource;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(_options.CallTimeout);
        try
        {
            var call = request(session, timeout.Token);
            // A process that dies mid-call fails the test at once instead of at the timeout.
            if (await Task.WhenAny(call, session.Client.Completion) != call)
            {
                _ = call.ContinueWith(t => _ = t.Exception, TaskScheduler.Default);
                throw new McpHubException(McpHubFailure.ProcessDied, ds, $"The {ds} connector stopped before it answered.");
            }
            return await call;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw McpHub.Cancelled(ds);
        }
        catch (OperationCanceledException)
        {
            throw new McpHubException(
                McpHubFailure.Timeout,
                ds,
                $"The {ds} connector did not answer within {_options.CallTimeout.TotalSeconds:0} s."
            );
        }
        catch (Exception e) when (e is not McpHubException)
        {
            throw new McpHubException(McpHubFailure.ProcessDied, ds, $"The {ds} connector stopped while handling the request.", e);
        }
    }

    public ValueTask DisposeAsync() => _session?.DisposeAsync() ?? ValueTask.CompletedTask;
}

/// <param name="Fields">The connector's fields: the ones being tried, with the admin's fixed settings on top.</param>
/// <param name="Egress">The egress entries the admin's fixed settings allow for this source (as the hub's launch has).</param>
public sealed record OneOffLaunch(IReadOnlyDictionary<string, string> Fields, IReadOnlyList<string> Egress);
