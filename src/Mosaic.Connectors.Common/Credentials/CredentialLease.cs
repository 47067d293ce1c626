namespace Mosaic.Connectors.Common.Credentials;

/// <summary>One call's hold on a <see cref="CredentialScope"/>; disposing it lets an evicted scope be disposed.</summary>
public sealed class CredentialLease : IDisposable
{
    private int _released;

    internal CredentialLease(CredentialScope scope) => Scope = scope;

    public CredentialScope Scope { get; }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _released, 1) == 0)
            Scope.Exit();
    }
}
