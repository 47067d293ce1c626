using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace Mosaic.Connectors.Common.Egress;

/// <summary>
/// Says whether an IP address belongs to a range a connector must not reach on a user's word: loopback,
/// private, link-local, carrier-grade NAT, unique-local, multicast, unspecified, broadcast and reserved
/// space. IPv6 forms that carry an IPv4 address (IPv4-mapped ::ffff:a.b.c.d, IPv4-compatible ::a.b.c.d,
/// NAT64 64:ff9b::/96, 6to4 2002::/16, Teredo 2001::/32) are judged by the IPv4 address inside them.
/// </summary>
public static class SpecialAddresses
{
    static readonly (IPNetwork Range, string Kind)[] V4 =
    [
        (IPNetwork.Parse("0.0.0.0/8"), "unspecified"), // "this network": 0.0.0.0 reaches the local host on Linux
        (IPNetwork.Parse("10.0.0.0/8"), "private"),
        (IPNetwork.Parse("100.64.0.0/10"), "carrier-grade NAT"),
        (IPNetwork.Parse("127.0.0.0/8"), "loopback"),
        (IPNetwork.Parse("169.254.0.0/16"), "link-local"), // cloud metadata services live here
        (IPNetwork.Parse("172.16.0.0/12"), "private"),
        (IPNetwork.Parse("192.0.0.0/24"), "reserved"),
        (IPNetwork.Parse("192.0.2.0/24"), "reserved"),
        (IPNetwork.Parse("192.168.0.0/16"), "private"),
        (IPNetwork.Parse("198.18.0.0/15"), "reserved"), // benchmarking space, often used inside networks
        (IPNetwork.Parse("198.51.100.0/24"), "reserved"),
        (IPNetwork.Parse("203.0.113.0/24"), "reserved"),
        (IPNetwork.Parse("224.0.0.0/4"), "multicast"),
        (IPNetwork.Parse("255.255.255.255/32"), "broadcast"),
        (IPNetwork.Parse("240.0.0.0/4"), "reserved"),
    ];

    static readonly (IPNetwork Range, string Kind)[] V6 =
    [
        (IPNetwork.Parse("::/128"), "unspecified"),
        (IPNetwork.Parse("::1/128"), "loopback"),
        (IPNetwork.Parse("64:ff9b:1::/48"), "private"), // local-use NAT64
        (IPNetwork.Parse("100::/64"), "reserved"),
        (IPNetwork.Parse("2001:db8::/32"), "reserved"),
        (IPNetwork.Parse("fc00::/7"), "unique-local"),
        (IPNetwork.Parse("fe80::/10"), "link-local"),
        (IPNetwork.Parse("fec0::/10"), "site-local"),
        (IPNetwork.Parse("ff00::/8"), "multicast"),
    ];

    static readonly IPNetwork Compatible = IPNetwork.Parse("::/96");
    static readonly IPNetwork Nat64 = IPNetwork.Parse("64:ff9b::/96");
    static readonly IPNetwork SixToFour = IPNetwork.Parse("2002::/16");
    static readonly IPNetwork Teredo = IPNetwork.Parse("2001::/32");
    static readonly IPNetwork GlobalUnicast = IPNetwork.Parse("2000::/3");

    /// <summary>The special range <paramref name="address"/> is in ("loopback", "private", …), or null for a public address.</summary>
    public static string? Kind(IPAddress address)
    {
        if (address.AddressFamily == AddressFamily.InterNetwork)
            return Match(V4, address);
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
            return "reserved";
        if (address.IsIPv4MappedToIPv6)
            return Kind(address.MapToIPv4());
        if (Match(V6, address) is { } kind)
            return kind;

        var bytes = address.GetAddressBytes();
        // Deprecated, routes nowhere useful: refused, by what it embeds when that says more.
        if (Compatible.Contains(address))
            return Kind(new IPAddress(bytes.AsSpan(12, 4))) ?? "reserved";
        if (Nat64.Contains(address))
            return Kind(new IPAddress(bytes.AsSpan(12, 4)));
        if (SixToFour.Contains(address))
            return Kind(new IPAddress(bytes.AsSpan(2, 4)));
        if (Teredo.Contains(address))
        {
            // Server at bits 32-63, client at 96-127 stored inverted (RFC 4380).
            var client = BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(12, 4)) ^ uint.MaxValue;
            var clientBytes = new byte[4];
            BinaryPrimitives.WriteUInt32BigEndian(clientBytes, client);
            return Kind(new IPAddress(bytes.AsSpan(4, 4))) ?? Kind(new IPAddress(clientBytes));
        }
        return GlobalUnicast.Contains(address) ? null : "reserved";
    }

    static string? Match((IPNetwork Range, string Kind)[] table, IPAddress address)
    {
        foreach (var (range, kind) in table)
            if (range.Contains(address))
                return kind;
        return null;
    }
}
