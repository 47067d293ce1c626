using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace Mosaic.Server.Chat;

public enum ApprovalOutcome
{
    Approved,
    Refused,
    Expired,
}

public enum ApprovalDecision
{
    Accepted,
    NotFound,
}

/// <summary>
/// Carries approvals between replicas (Redis): the replica holding a stream registers its pending ids, and a
/// replica that receives the answer for an id it does not hold claims it there and passes the answer on.
/// </summary>
public interface IApprovalRelay
{
    bool IsEnabled { get; }
    Task RegisterAsync(string id, string userId, DateTimeOffset expiresAt);

    /// <summary>True when the id was pending on another replica for this user; the answer is then on its way there.</summary>
    Task<bool> ForwardAsync(string id, string userId, bool approved);
    Task ForgetAsync(string id);
}

/// <summary>
/// Holds write-tool calls until their owner approves or refuses them. The stream waits on a task keyed by
/// an unguessable id; POST /api/chat/approvals/{id} completes it. Unanswered requests expire on the
/// injected clock and the call never runs. With a relay (REDIS_URL) the answer may reach any replica;
/// without one it must reach the replica holding the stream.
/// </summary>
public sealed class ApprovalBroker(TimeProvider time, ChatSettings settings, IApprovalRelay? relay = null)
{
    private sealed record Pending(string UserId, string Tool, DateTimeOffset ExpiresAt, TaskCompletionSource<bool> Decision);

    private readonly ConcurrentDictionary<string, Pending> _pending = new(StringComparer.Ordinal);

    public (string Id, DateTimeOffset ExpiresAt) Open(string userId, string tool)
    {
        var id = "apr_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var expiresAt = time.GetUtcNow() + settings.ApprovalTimeout;
        _pending[id] = new Pending(
            userId,
            tool,
            expiresAt,
            new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously)
        );
        if (relay is { IsEnabled: true })
            _ = relay.RegisterAsync(id, userId, expiresAt);
        return (id, expiresAt);
    }

    /// <summary>Waits for the owner's answer; expiry and cancellation both mean the call does not run.</summary>
    public async Task<ApprovalOutcome> WaitAsync(string id, CancellationToken ct)
    {
        var outcome = await DecisionAsync(id, ct);
        Telemetry.MosaicMetrics.Approval(outcome.ToString().ToLowerInvariant());
        return outcome;
    }

    async Task<ApprovalOutcome> DecisionAsync(string id, CancellationToken ct)
    {
        if (!_pending.TryGetValue(id, out var pending))
            return ApprovalOutcome.Expired;
        try
        {
            // The deadline is fixed when the request is opened, however late the wait starts.
            var remaining = pending.ExpiresAt - time.GetUtcNow();
            if (remaining <= TimeSpan.Zero && !pending.Decision.Task.IsCompleted)
                return ApprovalOutcome.Expired;
            var approved = await pending.Decision.Task.WaitAsync(remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero, time, ct);
            return approved ? ApprovalOutcome.Approved : ApprovalOutcome.Refused;
        }
        catch (TimeoutException)
        {
            return ApprovalOutcome.Expired;
        }
        finally
        {
            if (_pending.TryRemove(id, out _) && relay is { IsEnabled: true })
                _ = relay.ForgetAsync(id);
        }
    }

    /// <summary>Another user's id, an unknown one, an expired or already answered one all look the same: not found.</summary>
    public ApprovalDecision Decide(string id, string userId, bool approved)
    {
        if (!_pending.TryGetValue(id, out var pending) || pending.UserId != userId)
            return ApprovalDecision.NotFound;
        return pending.Decision.TrySetResult(approved) ? ApprovalDecision.Accepted : ApprovalDecision.NotFound;
    }

    /// <summary>Decides here when this replica holds the request, else through the relay on the replica that does.</summary>
    public async Task<ApprovalDecision> DecideAsync(string id, string userId, bool approved)
    {
        if (_pending.ContainsKey(id))
            return Decide(id, userId, approved);
        return relay is { IsEnabled: true } && await relay.ForwardAsync(id, userId, approved)
            ? ApprovalDecision.Accepted
            : ApprovalDecision.NotFound;
    }

    /// <summary>An answer another replica claimed for a request held here (the owner was checked there).</summary>
    public void DeliverForwarded(string id, bool approved)
    {
        if (_pending.TryGetValue(id, out var pending))
            pending.Decision.TrySetResult(approved);
    }

    /// <summary>Refuses every request of the user waiting here (their access ended); the calls never run.</summary>
    public int RefuseAll(string userId) => _pending.Values.Count(p => p.UserId == userId && p.Decision.TrySetResult(false));

    internal int PendingCount => _pending.Count;
}
