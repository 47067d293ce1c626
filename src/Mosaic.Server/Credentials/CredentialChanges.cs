namespace Mosaic.Server.Credentials;

public enum CredentialChangeKind
{
    Saved,
    Deleted,
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
/// cref="CredentialChangeNotifier.Deliver"/>.</summary>
public interface ICredentialChangeRelay
{
    void Forward(CredentialChange change);
}

public sealed class CredentialChangeNotifier(ILogger<CredentialChangeNotifier> logger, ICredentialChangeRelay? relay = null)
    : ICredentialChangeNotifier
{
    public event Action<CredentialChange>? Changed;

    /// <summary>A change made on this replica: raised here, then forwarded to the others.</summary>
    public void Publish(CredentialChange change)
    {
        Deliver(change);
        relay?.Forward(change);
    }

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
