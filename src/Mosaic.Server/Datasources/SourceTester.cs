using System.Diagnostics;
using Mosaic.Connectors.Common.Results;
using Mosaic.Server.Audit;
using Mosaic.Server.Connectors;
using Mosaic.Server.Connectors.Hub;

namespace Mosaic.Server.Datasources;

/// <param name="Credentials">Fields about to be saved, to test them first; without them the saved credentials are tested.</param>
public sealed record SourceTestRequest(Dictionary<string, System.Text.Json.JsonElement>? Credentials = null);

/// <param name="Success">The source answered and accepted the credentials.</param>
/// <param name="Identity">Who the credentials act as ("Alice Chen (@alice) in Acme"); null when it failed or is unknown.</param>
/// <param name="Message">What happened, in one sentence: on failure the source's own reason.</param>
/// <param name="DurationMs">How long the test took, connector start included.</param>
public sealed record SourceTestResponse(bool Success, string? Identity, string Message, double DurationMs);

/// <summary>
/// A connection test: the source's <c>whoami</c> tool (docs/connectors.md#whoami), through the hub with the saved credentials,
/// or in a <see cref="OneOffSession"/> with credentials not saved yet. A test that ran is an answer, whether it passed or not.
/// </summary>
public sealed class SourceTester(IMcpHub hub, SourceIdentities identities, ToolCallAudit audit, ILogger<SourceTester> logger)
{
    /// <summary>Tests the saved credentials the way every call uses them, and remembers who they act as.</summary>
    public async Task<SourceTestResponse> TestSavedAsync(string userId, SourceDefinition source, DateTime? savedAt, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        var outcome = await RunAsync(
            source,
            t => hub.ListToolsAsync(userId, source.Id, t),
            t => audit.CallAsync(hub, userId, source.Id, Whoami.ToolName, null, t),
            ct
        );
        if (outcome.Found is { } identity && savedAt is { } at)
            await identities.SaveAsync(userId, source.Id, at, identity, ct);
        return Answer(userId, source, outcome, started);
    }

    /// <summary>Tests credentials that are not saved, in a connector of their own that is closed afterwards.</summary>
    public async Task<SourceTestResponse> TestUnsavedAsync(
        string userId,
        SourceDefinition source,
        OneOffLaunch launch,
        OneOffSession session,
        CancellationToken ct
    )
    {
        var started = Stopwatch.GetTimestamp();
        Outcome outcome;
        try
        {
            await session.StartAsync(userId, source, launch, ct);
            outcome = await RunAsync(
                source,
                session.ListToolsAsync,
                t => audit.CallAsync(c => session.CallToolAsync(Whoami.ToolName, c), userId, source.Id, Whoami.ToolName, t),
                ct
            );
        }
        catch (McpHubException e) when (e.Failure != McpHubFailure.Cancelled)
        {
            outcome = new Outcome(false, null, e.Message);
        }
        finally
        {
            await session.DisposeAsync();
        }
        return Answer(userId, source, outcome, started);
    }

    static async Task<Outcome> RunAsync(
        SourceDefinition source,
        Func<CancellationToken, Task<IReadOnlyList<McpToolInfo>>> listTools,
        Func<CancellationToken, Task<McpToolResult>> whoami,
        CancellationToken ct
    )
    {
        try
        {
            // A custom server's whoami that the operator did not vouch for might write: then connecting is the whole test.
            if ((await listTools(ct)).FirstOrDefault(t => t.Name == Whoami.ToolName) is not { ReadOnly: true })
                return new Outcome(true, null, $"Connected to {source.Name}; it has no read-only whoami tool to say whom it acts as.");
            var result = await whoami(ct);
            if (result.IsError)
                return new Outcome(false, null, OneLine(result.Text));
            return SourceIdentity.FromWhoami(result.Structured) is { } identity
                ? new Outcome(true, identity, $"Connected to {source.Name} as {identity.Identity}.")
                : new Outcome(true, null, $"Connected to {source.Name}.");
        }
        catch (McpHubException e) when (e.Failure != McpHubFailure.Cancelled)
        {
            return new Outcome(false, null, e.Message);
        }
    }

    SourceTestResponse Answer(string userId, SourceDefinition source, Outcome outcome, long started)
    {
        var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        logger.LogInformation(
            "Connection test of {Datasource} for user {UserId}: {Result} in {Ms:0} ms",
            source.Id,
            userId,
            outcome.Success ? "passed" : "failed",
            ms
        );
        return new SourceTestResponse(outcome.Success, outcome.Found?.Identity, outcome.Message, ms);
    }

    /// <summary>A custom server's error may run over many lines; the answer is its first, within reason.</summary>
    static string OneLine(string text) =>
        TextClip.Ellipsize(text.Trim().Split('\n', 2)[0].Trim(), 300) is { Length: > 0 } line ? line : "The source reported an error.";

    sealed record Outcome(bool Success, SourceIdentity? Found, string Message);
}
