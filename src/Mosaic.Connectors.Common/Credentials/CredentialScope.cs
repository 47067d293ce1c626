namespace Mosaic.Connectors.Common.Credentials;

/// <summary>
/// One credential set's own service provider (its settings, HTTP clients, caches), or the configuration error those
/// credentials give. Counts the calls using it, so that once retired (evicted) it is disposed when the last one ends.
/// </summary>
public sealed class CredentialScope
{
    private readonly Lock _gate = new();
    private int _inFlight;
    private bool _retired;

    public CredentialScope(IServiceProvider services) => Services = services;

    private CredentialScope(string error) => Error = error;

    /// <summary>A scope that answers every call with <paramref name="error"/> (e.g. a missing required variable).</summary>
    public static CredentialScope Failed(string error) => new(error);

    /// <summary>The provider the call's tool is built from; null when <see cref="Error"/> is set.</summary>
    public IServiceProvider? Services { get; }

    public string? Error { get; }

    /// <summary>True once disposed (for tests and diagnostics).</summary>
    public bool Disposed { get; private set; }

    internal void Enter()
    {
        lock (_gate)
        {
            if (_retired)
                throw new InvalidOperationException("A retired credential scope cannot take new calls.");
            _inFlight++;
        }
    }

    internal void Exit()
    {
        lock (_gate)
        {
            _inFlight--;
            if (!_retired || _inFlight > 0 || Disposed)
                return;
            Disposed = true;
        }
        DisposeServices();
    }

    /// <summary>No new calls; disposed now if idle, else when the last call in flight ends.</summary>
    internal void Retire()
    {
        lock (_gate)
        {
            _retired = true;
            if (_inFlight > 0 || Disposed)
                return;
            Disposed = true;
        }
        DisposeServices();
    }

    private void DisposeServices()
    {
        // Disposing may await async-only disposables (HTTP handlers, SDK clients); the caller does not wait for it.
        if (Services is IAsyncDisposable disposable)
            _ = disposable.DisposeAsync().AsTask().ContinueWith(t => _ = t.Exception, TaskScheduler.Default);
    }
}
