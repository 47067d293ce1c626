using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace Mosaic.Server.Chat;

public enum ApprovalOutcome { Approved, Refused, Expired }

public enum ApprovalDecision { Accepted, NotFound }

/// <summary>
/// Holds write-tool calls until their owner approves or refuses them. The stream waits on a task keyed by
/// an unguessable id; POST /api/chat/approvals/{id} completes it. Unanswered requests expire on the
/// injected clock and the call never runs. In-process: the approval must reach the replica holding the stream.
/// </summary>
public sealed class ApprovalBroker(TimeProvider time, ChatSettings settings)
{
    private sealed record Pending(string UserId, string Tool, DateTimeOffset ExpiresAt, TaskCompletionSource<bool> Decision);

    private readonly ConcurrentDictionary<string, Pending> _pending = new(StringComparer.Ordinal);

    public (string Id, DateTimeOffset ExpiresAt) Open(string userId, string tool)
    {
        var id = "apr_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var expiresAt = time.GetUtcNow() + settings.ApprovalTimeout;
        _pending[id] = new Pending(userId, tool, expiresAt, new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously));
        return (id, expiresAt);
    }

    /// <summary>Waits for the owner's answer; expiry and cancellation both mean the call does not run.</summary>
    public async Task<ApprovalOutcome> WaitAsync(string id, CancellationToken ct)
    {
        if (!_pending.TryGetValue(id, out var pending)) return ApprovalOutcome.Expired;
        try
        {
            // The deadline is fixed when the request is opened, however late the wait starts.
            var remaining = pending.ExpiresAt - time.GetUtcNow();
            if (remaining <= TimeSpan.Zero && !pending.Decision.Task.IsCompleted) return ApprovalOutcome.Expired;
            var approved = await pending.Decision.Task.WaitAsync(remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero, time, ct);
            return approved ? ApprovalOutcome.Approved : ApprovalOutcome.Refused;
        }
        catch (TimeoutException)
        {
            return ApprovalOutcome.Expired;
        }
        finally
        {
            _pending.TryRemove(id, out _);
        }
    }

    /// <summary>Another user's id, an unknown one, an expired or already answered one all look the same: not found.</summary>
    public ApprovalDecision Decide(string id, string userId, bool approved)
    {
        if (!_pending.TryGetValue(id, out var pending) || pending.UserId != userId) return ApprovalDecision.NotFound;
        return pending.Decision.TrySetResult(approved) ? ApprovalDecision.Accepted : ApprovalDecision.NotFound;
    }

    internal int PendingCount => _pending.Count;
}
