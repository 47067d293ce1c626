using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.AI;
using Mosaic.Connectors.Common.Results;
using Mosaic.Server.Audit;
using Mosaic.Server.Connectors.Hub;
using Mosaic.Server.Infrastructure;
using Mosaic.Server.Llm;

namespace Mosaic.Server.Chat;

/// <summary>
/// Runs one tool call the model (or the direct tier) asked for: fills injected defaults, holds write tools
/// for the owner's approval, calls the source through the hub and reports tool_start/tool_end.
/// Whatever happens, the model gets a tool result it can explain to the person.
/// </summary>
public sealed class ToolExecutor(IMcpHub hub, ApprovalBroker approvals, ChatSettings settings, TimeProvider time, ToolCallAudit audit)
{
    public async Task<(FunctionResultContent Result, ToolUse Use)> ExecuteAsync(
        ChatTurn turn,
        McpToolDeclaration? tool,
        FunctionCallContent call,
        CancellationToken ct
    )
    {
        var arguments = new Dictionary<string, object?>(call.Arguments ?? new Dictionary<string, object?>(), StringComparer.Ordinal);
        if (tool is null)
            return await RefuseAsync(
                turn,
                call,
                arguments,
                $"There is no tool named '{call.Name}' in {turn.Datasource}; use one of the tools offered.",
                null
            );

        var injected = ParameterInjection.Inject(arguments, tool.Schema, turn.CredentialFields);
        var json = JsonSerializer.SerializeToElement(arguments);

        string? approval = null;
        if (!tool.Info.ReadOnly)
        {
            if (!turn.CanAskApproval)
                return await RefuseAsync(
                    turn,
                    call,
                    arguments,
                    $"'{tool.Name}' changes data and needs a person's approval, which this request "
                        + "cannot ask for. Nothing was run. Tell the user to ask again in the chat window, where they can approve it.",
                    "unavailable"
                );
            var outcome = await AskApprovalAsync(turn, tool.Name, json, ct);
            approval = outcome.ToString().ToLowerInvariant();
            if (outcome != ApprovalOutcome.Approved)
                return await RefuseAsync(
                    turn,
                    call,
                    arguments,
                    outcome == ApprovalOutcome.Refused
                        ? $"The user refused to run '{tool.Name}'. Nothing was run; do not retry it unless the user asks."
                        : $"Nobody approved '{tool.Name}' in time, so the request expired. Nothing was run.",
                    approval
                );
        }

        await turn.EmitAsync(new ToolStartEvent(tool.Name, json), ct);
        var started = time.GetTimestamp();
        McpToolResult? result = null;
        string? error = null;
        try
        {
            var args = json.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone());
            result = await hub.CallToolAsync(turn.UserId, turn.Datasource, tool.Name, args, ct);
            if (result.IsError)
                error = result.Text;
        }
        // No room for a session: the turn ends with a "try again" error (503 + Retry-After), not a tool failure.
        catch (McpHubException e) when (e.Failure != McpHubFailure.AtCapacity)
        {
            error = e.Message;
            if (ConnectRequiredEvent.From(e) is { } connect)
                await turn.EmitAsync(connect, ct); // the UI offers Connect; the model explains the error below
        }
        var took = time.GetElapsedTime(started);
        var elapsed = Durations.Ms(took);
        var use = new ToolUse
        {
            Tool = tool.Name,
            Arguments = json,
            Success = error is null,
            DurationMs = elapsed,
            FromCache = result?.FromCache ?? false,
            Approval = approval,
            Injected = injected.Count > 0 ? injected : null,
            Error = Short(error),
        };
        // Before tool_end: a client that leaves now cancels the event, not the record of what ran.
        await audit.RecordAsync(turn, use, took);
        await turn.EmitAsync(new ToolEndEvent(tool.Name, error is null, elapsed) { Error = Short(error) }, ct);

        var text = result is { IsError: false }
            ? TextClip.Clip(result.Text, settings.ToolResultMaxChars)
            : $"Error from {tool.Name}: {error}";
        return (new FunctionResultContent(call.CallId, text) { RawRepresentation = result }, use);
    }

    private async Task<ApprovalOutcome> AskApprovalAsync(ChatTurn turn, string tool, JsonElement json, CancellationToken ct)
    {
        var (id, expiresAt) = approvals.Open(turn.UserId, tool);
        // Start waiting (and the expiry timer) before anyone can see the request.
        var waiting = approvals.WaitAsync(id, ct);
        await turn.EmitAsync(new ApprovalRequiredEvent(id, tool, json, expiresAt), ct);
        var outcome = await waiting;
        await turn.EmitAsync(new ApprovalResolvedEvent(id, outcome.ToString().ToLowerInvariant()), ct);
        return outcome;
    }

    /// <summary>Nothing runs; the model reads why, and the audit log keeps the attempt.</summary>
    private async Task<(FunctionResultContent, ToolUse)> RefuseAsync(
        ChatTurn turn,
        FunctionCallContent call,
        Dictionary<string, object?> arguments,
        string message,
        string? approval
    )
    {
        var use = new ToolUse
        {
            Tool = call.Name,
            Arguments = JsonSerializer.SerializeToElement(arguments),
            Success = false,
            DurationMs = 0,
            Approval = approval,
            Error = message,
        };
        await audit.RecordAsync(turn, use, elapsed: null);
        return (new FunctionResultContent(call.CallId, message), use);
    }

    private static string? Short(string? s) => TextClip.Ellipsize(s, 300);
}
