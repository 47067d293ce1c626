using System.Net;
using System.Net.Sockets;
using Mosaic.Connectors.Common.Configuration;

namespace Mosaic.Connectors.Common.Egress;

/// <summary>
/// Where a connector may connect. A user's settings choose the host, so every connection resolves the
/// host first and refuses loopback, private, link-local and other special addresses (see
/// <see cref="SpecialAddresses"/>) unless the operator allowed them in MOSAIC_EGRESS_ALLOW. The socket
/// is then connected to exactly the address that was checked, so a second DNS answer (rebinding) cannot
/// point it elsewhere, and the spelling of the host (2130706433, 0x7f.1, [::1], localhost) does not matter.
/// </summary>
public sealed class EgressPolicy
{
    /// <summary>The operator's allow list: host names, IPs or CIDR ranges, each optionally with :port.</summary>
    public const string Variable = "MOSAIC_EGRESS_ALLOW";

    readonly Func<string, CancellationToken, Task<IPAddress[]>> _resolve;

    EgressPolicy(IReadOnlyList<EgressRule> rules, Func<string, CancellationToken, Task<IPAddress[]>>? resolve = null)
    {
        Rules = rules;
        _resolve = resolve ?? Dns.GetHostAddressesAsync;
    }

    /// <summary>Public addresses only.</summary>
    public static EgressPolicy Closed { get; } = new([]);

    public IReadOnlyList<EgressRule> Rules { get; }

    /// <summary>Parses a MOSAIC_EGRESS_ALLOW value; each error names the variable and the entry.</summary>
    public static bool TryParse(string? value, out EgressPolicy policy, out IReadOnlyList<string> errors)
    {
        var rules = new List<EgressRule>();
        var problems = new List<string>();
        foreach (var entry in (value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (EgressRule.TryParse(entry, out var rule, out var why))
                rules.Add(rule!);
            else
                problems.Add($"{Variable} entry \"{entry}\" is {why}");
        }
        policy = new EgressPolicy(rules);
        errors = problems;
        return problems.Count == 0;
    }

    /// <summary>The connector's policy from its environment; a malformed entry becomes a start-up configuration error.</summary>
    public static EgressPolicy FromEnv(EnvConfig env)
    {
        TryParse(env.Optional(Variable), out var policy, out var errors);
        foreach (var error in errors)
            env.Problem(error);
        return policy;
    }

    /// <summary>This policy plus more entries (e.g. --demo's own Sandbox); throws FormatException on a bad one.</summary>
    public EgressPolicy With(IEnumerable<string> entries)
    {
        if (!TryParse(string.Join(',', entries), out var more, out var errors))
            throw new FormatException(string.Join("; ", errors));
        return new EgressPolicy([.. Rules, .. more.Rules.Where(r => !Rules.Contains(r))], _resolve);
    }

    /// <summary>The same rules with another name resolver (tests use it to play a DNS server that rebinds).</summary>
    public EgressPolicy WithResolver(Func<string, CancellationToken, Task<IPAddress[]>> resolve) => new(Rules, resolve);

    /// <summary>
    /// Why a connection to <paramref name="address"/> (the resolved <paramref name="host"/>) is refused
    /// ("loopback", "private", …), or null when it may go ahead.
    /// </summary>
    public string? Refusal(string host, IPAddress address, int port)
    {
        if (SpecialAddresses.Kind(address) is not { } kind)
            return null;
        return Rules.Any(r => r.Allows(host, address, port)) ? null : kind;
    }

    /// <summary>
    /// Resolves <paramref name="host"/> and returns the addresses that may be connected to, in DNS order.
    /// Throws <see cref="EgressRefusedException"/> when every address is refused.
    /// </summary>
    public async Task<IReadOnlyList<IPAddress>> ResolveAsync(string host, int port, CancellationToken cancellationToken)
    {
        var name = EgressRule.NormalizeHost(host);
        var addresses = IPAddress.TryParse(name, out var literal) ? [literal] : await _resolve(name, cancellationToken);
        if (addresses.Length == 0)
            throw new SocketException((int)SocketError.HostNotFound);
        var normalized = addresses.Select(a => a.IsIPv4MappedToIPv6 ? a.MapToIPv4() : a).ToList();
        var permitted = normalized.Where(a => Refusal(host, a, port) is null).ToList();
        if (permitted.Count > 0)
            return permitted;
        throw new EgressRefusedException(host, normalized[0], port, Refusal(host, normalized[0], port)!);
    }

    /// <summary>A TCP socket connected to a checked address of <paramref name="host"/> (the first that answers).</summary>
    public async Task<Socket> ConnectAsync(string host, int port, CancellationToken cancellationToken)
    {
        Exception? last = null;
        foreach (var address in await ResolveAsync(host, port, cancellationToken))
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, port), cancellationToken);
                return socket;
            }
            catch (SocketException ex)
            {
                socket.Dispose();
                last = ex;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }
        throw last!;
    }

    public override string ToString() => string.Join(',', Rules);
}
