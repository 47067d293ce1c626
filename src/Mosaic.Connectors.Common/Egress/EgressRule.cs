using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Mosaic.Connectors.Common.Egress;

/// <summary>
/// One entry of MOSAIC_EGRESS_ALLOW: a host name, an IP address or a CIDR range, optionally with a port
/// (<c>jira.internal</c>, <c>10.20.0.0/16</c>, <c>127.0.0.1:3306</c>, <c>[::1]:8080</c>, <c>[fd00::/8]:443</c>).
/// A host name allows whatever that exact name resolves to; an address or range allows the resolved
/// addresses inside it, however the user spelled the host.
/// </summary>
public sealed record EgressRule(string? Host, IPNetwork? Network, int? Port)
{
    /// <summary>Parses one entry; on failure <paramref name="error"/> says what is wrong with it.</summary>
    public static bool TryParse(string entry, out EgressRule? rule, out string? error)
    {
        rule = null;
        error = null;
        var text = entry.Trim();
        string target;
        string? portText = null;
        if (text.StartsWith('['))
        {
            var close = text.IndexOf(']');
            if (close < 0)
                return Fail("an opening [ without a closing ]", out error);
            target = text[1..close];
            var rest = text[(close + 1)..];
            if (rest.Length > 0)
            {
                if (rest[0] != ':')
                    return Fail("only :port may follow ]", out error);
                portText = rest[1..];
            }
            if (!target.Contains(':'))
                return Fail("brackets are for IPv6 addresses", out error);
        }
        else if (text.Count(c => c == ':') == 1)
        {
            var colon = text.IndexOf(':');
            (target, portText) = (text[..colon], text[(colon + 1)..]);
        }
        else
            target = text; // no port, or an IPv6 address/range without brackets (then no port)

        int? port = null;
        if (portText is not null)
        {
            if (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var p) || p is < 1 or > 65535)
                return Fail($"the port must be a number from 1 to 65535 (got \"{portText}\")", out error);
            port = p;
        }

        if (target.Contains('/'))
        {
            // Strict: "10.20.0.1/16" is refused rather than quietly read as 10.20.0.0/16.
            if (
                !IPNetwork.TryParse(target, out var network)
                || !IPAddress.TryParse(target[..target.IndexOf('/')], out var start)
                || !start.Equals(network.BaseAddress)
                || !IsCanonical(target[..target.IndexOf('/')], start)
            )
                return Fail("not a CIDR range (write it like 10.20.0.0/16, with no bits set after the prefix)", out error);
            rule = new EgressRule(null, network, port);
            return true;
        }
        if (IsAddressShaped(target))
        {
            if (target.Contains('%') || !IPAddress.TryParse(target, out var address) || !IsCanonical(target, address))
                return Fail("not an IP address (write IPv4 as four decimal numbers, IPv6 without a %zone)", out error);
            rule = new EgressRule(null, new IPNetwork(address, address.AddressFamily == AddressFamily.InterNetwork ? 32 : 128), port);
            return true;
        }
        if (Uri.CheckHostName(target) != UriHostNameType.Dns || target.Any(c => c > 127))
            return Fail("not a host name, IP address or CIDR range", out error);
        rule = new EgressRule(NormalizeHost(target), null, port);
        return true;
    }

    /// <summary>
    /// Whether a connection to <paramref name="host"/> (as the user wrote it), resolved to
    /// <paramref name="address"/>, may go ahead.
    /// </summary>
    public bool Allows(string host, IPAddress address, int port)
    {
        if (Port is { } p && p != port)
            return false;
        if (Host is not null)
            return Host == NormalizeHost(host);
        return Network!.Value.Contains(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address);
    }

    public override string ToString()
    {
        var single = Network is { } n && n.PrefixLength == (n.BaseAddress.AddressFamily == AddressFamily.InterNetwork ? 32 : 128);
        var target = Host ?? (single ? Network!.Value.BaseAddress.ToString() : Network!.Value.ToString());
        if (Port is null)
            return target;
        return target.Contains(':') ? $"[{target}]:{Port}" : $"{target}:{Port}";
    }

    public static string NormalizeHost(string host) => host.Trim('[', ']').TrimEnd('.').ToLowerInvariant();

    // As in the WHATWG URL standard: a name whose last label is a number is an IPv4 address in some spelling,
    // so an entry like "127.1" is read (and refused as non-canonical), never taken as a DNS name.
    static bool IsAddressShaped(string s)
    {
        if (s.Contains(':'))
            return true;
        var last = s.TrimEnd('.').Split('.')[^1];
        return last.Length > 0
            && (
                last.All(char.IsAsciiDigit)
                || last.StartsWith("0x", StringComparison.OrdinalIgnoreCase) && last[2..].All(char.IsAsciiHexDigit)
            );
    }

    static bool IsCanonical(string text, IPAddress address) =>
        address.AddressFamily == AddressFamily.InterNetworkV6 || address.ToString() == text;

    static bool Fail(string why, out string? error)
    {
        error = why;
        return false;
    }
}
