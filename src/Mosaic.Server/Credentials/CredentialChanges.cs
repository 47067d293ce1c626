namespace Mosaic.Server.Credentials;

public enum CredentialChangeKind { Saved, Deleted }

/// <summary>A user's credentials for a datasource were saved (created or replaced) or deleted.</summary>
public sealed record CredentialChange(string UserId, string Datasource, CredentialChangeKind Kind, DateTimeOffset At);

/// <summary>
/// Lets other features (the MCP session hub) learn that a user's credentials changed, e.g. to
/// replace a connector process still holding the old ones. Singleton; raised after the change is
/// committed, on this server instance.
/// </summary>
public interface ICredentialChangeNotifier
{
    event Action<CredentialChange>? Changed;
}

public sealed class CredentialChangeNotifier(ILogger<CredentialChangeNotifier> logger) : ICredentialChangeNotifier
{
    public event Action<CredentialChange>? Changed;

    public void Publish(CredentialChange change)
    {
        if (Changed is not { } handlers) return;
        // One faulty subscriber must not stop the others nor fail the request that saved the change.
        foreach (var handler in handlers.GetInvocationList().Cast<Action<CredentialChange>>())
        {
            try { handler(change); }
            catch (Exception ex) { logger.LogError(ex, "A credential change subscriber failed for {Datasource}", change.Datasource); }
        }
    }
}
