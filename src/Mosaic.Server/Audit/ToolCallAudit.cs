using System.Diagnostics;
using System.Text.Json;
using Mosaic.Server.Auth;
using Mosaic.Server.Chat;
using Mosaic.Server.Connectors.Hub;
using Mosaic.Server.Data;

namespace Mosaic.Server.Audit;

/// <summary>
/// Records every tool call in the audit log, exactly once: chat and agent calls through <see cref="ToolExecutor"/>
/// (with their approval and chat session), and the host's own calls (the digest's <c>whats_new</c>, the agent's
/// people directory and Offline plans) through <see cref="CallAsync"/> or a <see cref="Recording"/> hub. A write
/// refused or left to expire is recorded too, with outcome <c>refused</c>: nothing ran, but someone asked.
/// </summary>
public sealed class ToolCallAudit(IAuditLog log, IHttpContextAccessor? http = null)
{
    public const string Success = "success";
    public const string Error = "error";
    public const string Refused = "refused";
    public const string Cancelled = "cancelled";

    /// <summary>One call of the tool loop. <paramref name="elapsed"/> is null when nothing ran (refused, expired, unknown tool).</summary>
    public Task RecordAsync(ChatTurn turn, ToolUse use, TimeSpan? elapsed)
    {
        var (approval, outcome) = (use.Approval, elapsed) switch
        {
            ("approved", not null) => ("approved", use.Success ? Success : Error),
            ("refused" or "expired", _) => (use.Approval, Refused),
            ("unavailable", _) => ("none", Refused), // the request had no way to ask a person
            (_, null) => ("none", Error), // the model named a tool the source does not have
            _ => ("none", use.Success ? Success : Error),
        };
        return log.WriteAsync(
            new AuditEvent(AuditKinds.ToolCall, "tool_called", outcome)
            {
                UserId = turn.UserId,
                Source = turn.Datasource,
                Tool = use.Tool,
                Arguments = use.Arguments.ValueKind == JsonValueKind.Undefined ? null : use.Arguments.GetRawText(),
                Approval = approval,
                // Only the turn's owner can answer its approvals (ApprovalBroker checks), so the owner answered.
                ApprovedBy = approval is "approved" or "refused" ? turn.UserId : null,
                DurationMs = elapsed?.TotalMilliseconds,
                FromCache = use.FromCache,
                SessionId = turn.SessionId,
                Detail = Detail(use.Approval == "unavailable" ? "approval_unavailable" : null, use.Success ? null : use.Error),
            }
        );
    }

    /// <summary>A call the host makes on its own (no approval: only read-only tools are called this way).</summary>
    public Task<McpToolResult> CallAsync(
        IMcpHub hub,
        string userId,
        string source,
        string tool,
        IReadOnlyDictionary<string, JsonElement>? arguments,
        CancellationToken ct
    ) => CallAsync(t => hub.CallToolAsync(userId, source, tool, arguments, t), Origin(), userId, source, tool, arguments, ct);

    /// <summary>A read-only call outside the hub (a connection test's throwaway session), recorded like the hub's.</summary>
    public Task<McpToolResult> CallAsync(
        Func<CancellationToken, Task<McpToolResult>> call,
        string userId,
        string source,
        string tool,
        CancellationToken ct
    ) => CallAsync(call, Origin(), userId, source, tool, null, ct);

    /// <summary>
    /// The hub as seen by code that calls tools on the host's own account: every call is recorded, as made in the
    /// request that created it. Create it before a HybridCache factory: those run without the request's context.
    /// </summary>
    public IMcpHub Recording(IMcpHub hub) => new RecordingHub(this, hub, Origin());

    /// <summary>The request's id, address and signed-in user (id and e-mail), as <see cref="AuditLog"/> would stamp them.</summary>
    private AuditEvent Origin()
    {
        var context = http?.HttpContext;
        return AuditLog.Stamp(new AuditEvent("", "", "") { UserId = context?.User.FindUserId() }, context);
    }

    private async Task<McpToolResult> CallAsync(
        Func<CancellationToken, Task<McpToolResult>> call,
        AuditEvent origin,
        string userId,
        string source,
        string tool,
        IReadOnlyDictionary<string, JsonElement>? arguments,
        CancellationToken ct
    )
    {
        var started = Stopwatch.GetTimestamp();
        McpToolResult? result = null;
        Exception? failure = null;
        try
        {
            return result = await call(ct);
        }
        catch (Exception e)
        {
            failure = e;
            throw;
        }
        finally
        {
            var outcome =
                failure is OperationCanceledException or McpHubException { Failure: McpHubFailure.Cancelled } ? Cancelled
                : failure is not null || result!.IsError ? Error
                : Success;
            await log.WriteAsync(
                new AuditEvent(AuditKinds.ToolCall, "tool_called", outcome)
                {
                    UserId = userId,
                    Source = source,
                    Tool = tool,
                    Arguments = arguments is null ? null : JsonSerializer.Serialize(arguments),
                    Approval = "none",
                    DurationMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds,
                    FromCache = result?.FromCache ?? false,
                    Detail = Detail(null, failure?.Message ?? (result!.IsError ? result.Text : null)),
                    UserEmail = origin.UserId == userId ? origin.UserEmail : null,
                    RequestId = origin.RequestId,
                    Ip = origin.Ip,
                }
            );
        }
    }

    /// <summary>A short error (what the person saw in tool_end), never a tool's result.</summary>
    private static string? Detail(string? reason, string? error)
    {
        if (reason is null && error is null)
            return null;
        var detail = new Dictionary<string, string>();
        if (reason is not null)
            detail["reason"] = reason;
        if (error is not null)
            detail["error"] =
                AuditRedactor.LooksSecret(error) ? AuditRedactor.Mask
                : error.Length <= 300 ? error
                : error[..299] + "…";
        return JsonSerializer.Serialize(detail);
    }

    private sealed class RecordingHub(ToolCallAudit audit, IMcpHub inner, AuditEvent origin) : IMcpHub
    {
        public Task<IReadOnlyList<McpToolInfo>> ListToolsAsync(string userId, string datasource, CancellationToken ct) =>
            inner.ListToolsAsync(userId, datasource, ct);

        public Task<McpToolResult> CallToolAsync(
            string userId,
            string datasource,
            string tool,
            IReadOnlyDictionary<string, JsonElement>? arguments,
            CancellationToken ct
        ) =>
            audit.CallAsync(
                t => inner.CallToolAsync(userId, datasource, tool, arguments, t),
                origin,
                userId,
                datasource,
                tool,
                arguments,
                ct
            );

        public McpHubStatus GetStatus() => inner.GetStatus();

        public BreakerState GetBreakerState(string userId, string datasource) => inner.GetBreakerState(userId, datasource);
    }
}
