using Mosaic.Connectors.Common.Egress;

namespace Mosaic.Server.Connectors.Hub;

/// <summary>
/// The host's egress allow list: the operator's MOSAIC_EGRESS_ALLOW (validated at start-up with the
/// other settings) plus what --demo adds for its own Sandbox and s3rver. Every connector process gets
/// it in its environment, and the host's own connections to custom Streamable HTTP sources obey it.
/// </summary>
public sealed class HostEgress
{
    readonly Lock _gate = new();
    volatile EgressPolicy _policy;

    public HostEgress(string? configured)
    {
        // A bad value already stopped start-up (MosaicSettingsValidator); what parses is kept either way.
        EgressPolicy.TryParse(configured, out var policy, out _);
        _policy = policy;
    }

    public EgressPolicy Policy => _policy;

    /// <summary>The value connector processes get as MOSAIC_EGRESS_ALLOW; null when nothing is allowed.</summary>
    public string? Variable => _policy.Rules.Count == 0 ? null : _policy.ToString();

    /// <summary>Allows more entries from now on (sessions started later see them).</summary>
    public void Allow(params IEnumerable<string> entries)
    {
        lock (_gate)
            _policy = _policy.With(entries);
    }

    /// <summary>The allow entry for exactly the host and port of <paramref name="url"/>, e.g. "127.0.0.1:5221".</summary>
    public static string EntryFor(Uri url) => $"{url.Host}:{url.Port}";
}
