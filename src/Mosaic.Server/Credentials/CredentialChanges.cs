namespace Mosaic.Server.Credentials;

public enum CredentialChangeKind
{
    Saved,
    Deleted,

    /// <summary>Only the admin's tool policy for the source changed: cached setups are read again, sessions stay.</summary>
    Policy,
}

/// <summary>
/// A user's credentials for a datasource were saved (created or replaced) or deleted. A null <paramref name="UserId"/>
/// means the whole workspace's view of the source changed (shared credentials, or the admin's settings for it): every
/// user's session of it restarts.
/// </summary>
public sealed record CredentialChange(string? UserId, string Datasource, CredentialChangeKind Kind, DateTimeOffset At);

/// <summary>
/// Lets other features (the MCP session hub) learn that a user's credentials changed, e.g. to
/// replace a connector process still holding the old ones. Singleton; raised after the change is
/// committed, on this server instance and (through <see cref="ICredentialChangeRelay"/>, when Redis
/// is configured) on every other replica.
/// </summary>
public interface ICredentialChangeNotifier
{
    event Action<CredentialChange>? Changed;
}

/// <summary>Carries a change to the other replicas (Redis pub/sub); they raise it with <see
/// cref="CredentialChangeNotifier.Deliver"/>. Also keeps the workspace's change counter, which every change moves before
/// it is acknowledged: a replica that reads it knows of a change even before the change's notice reaches it.</summary>
public interface ICredentialChangeRelay
{
    /// <summary>Moves the change counter, then tells the other replicas. Never throws: a replica it cannot reach is logged.</summary>
    Task ForwardAsync(CredentialChange change);

    /// <summary>The change counter now; 0 with a single replica (no Redis), null when it cannot be read.</summary>
    Task<long?> GenerationAsync();
}

public sealed class CredentialChangeNotifier(ILogger<CredentialChangeNotifier> logger, ICredentialChangeRelay? relay = null)
    : ICredentialChangeNotifier
{
    public event Action<CredentialChange>? Changed;

    /// <summary>
    /// A change made on this replica, after it is committed and before it is acknowledged: raised here, the change counter
    /// moved, then forwarded to the others.
    /// </summary>
    public async Task PublishAsync(CredentialChange change)
    {
        Deliver(change);
        if (relay is not null)
            await relay.ForwardAsync(change);
    }

    /// <summary>The workspace's change counter (<see cref="ICredentialChangeRelay.GenerationAsync"/>); 0 without replicas.</summary>
    public Task<long?> GenerationAsync() => relay?.GenerationAsync() ?? Task.FromResult<long?>(0);

    /// <summary>Raises a change on this replica only (used for changes another replica made).</summary>
    public void Deliver(CredentialChange change)
    {
        if (Changed is not { } handlers)
            return;
        // One faulty subscriber must not stop the others nor fail the request that saved the change.
        foreach (var handler in handlers.GetInvocationList().Cast<Action<CredentialChange>>())
        {
            try
            {
                handler(change);
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "A credential change subscriber failed for {Datasource}", change.Datasource);
            }
        }
    }
}
