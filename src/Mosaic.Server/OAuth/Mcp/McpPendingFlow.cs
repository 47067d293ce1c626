using System.Collections.Concurrent;
using ModelContextProtocol.Authentication;
using Mosaic.Server.Datasources;

namespace Mosaic.Server.OAuth.Mcp;

/// <summary>
/// One Connect in progress: the SDK's flow runs in the background; when it wants consent it hands the authorization
/// URL to Start (which redirects the browser there) and waits, up to 10 minutes, for the callback's code, state and iss.
/// </summary>
internal sealed class McpPendingFlow : IDisposable
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    readonly TaskCompletionSource<Uri> _url = new(TaskCreationOptions.RunContinuationsAsynchronously);
    readonly TaskCompletionSource<AuthorizationResult> _answer = new(TaskCreationOptions.RunContinuationsAsynchronously);
    readonly CancellationTokenSource _cancel;

    public McpPendingFlow(
        TimeProvider time,
        Func<McpPendingFlow, CancellationToken, Task<(ModelContextProtocol.Authentication.TokenContainer, SourceIdentity?)>> run
    )
    {
        _cancel = new CancellationTokenSource(Lifetime, time);
        // Not the request's token: the flow outlives the Start request and ends with the callback (or the 10 minutes).
        Completion = Task.Run(() => run(this, _cancel.Token));
    }

    public Task<(TokenContainer Tokens, SourceIdentity? Identity)> Completion { get; }

    /// <summary>Where the browser goes; set once the SDK asks.</summary>
    public Task<Uri> AuthorizationUrl => _url.Task;

    /// <summary>The SDK's AuthorizationCallbackHandler: consent is asked once per flow.</summary>
    public async Task<AuthorizationResult?> AskAsync(AuthorizationCallbackContext context, CancellationToken ct)
    {
        if (!_url.TrySetResult(context.AuthorizationUri))
            throw new OAuthFlowException(OAuthFailure.Provider, "The server asked for authorization again after the consent.");
        return await _answer.Task.WaitAsync(ct);
    }

    public void Answer(AuthorizationResult result) => _answer.TrySetResult(result);

    public void Cancel()
    {
        try
        {
            _cancel.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // Already finished: nothing left to stop.
        }
    }

    public void Dispose() => _cancel.Dispose();
}

/// <summary>This replica's Connects waiting for their callback, by the SHA-256 of their state.</summary>
internal sealed class McpPendingFlows
{
    readonly ConcurrentDictionary<string, McpPendingFlow> _flows = new();

    public void Add(string stateHash, McpPendingFlow flow)
    {
        _flows[stateHash] = flow;
        // Forgotten once finished either way, so an abandoned consent page holds nothing after its 10 minutes.
        _ = flow.Completion.ContinueWith(
            _ =>
            {
                _flows.TryRemove(stateHash, out var _);
                flow.Dispose();
            },
            TaskScheduler.Default
        );
    }

    public McpPendingFlow? Take(string stateHash) => _flows.TryRemove(stateHash, out var flow) ? flow : null;
}
