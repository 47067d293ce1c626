using System.Net;
using CsCheck;
using Mosaic.Connectors.Common.Egress;

namespace Mosaic.Connectors.Tests.Egress;

/// <summary>The classifier: which addresses count as internal, in every IPv4 and IPv6 spelling.</summary>
public sealed class SpecialAddressesTests
{
    [Theory]
    [InlineData("127.0.0.1", "loopback")]
    [InlineData("127.255.3.4", "loopback")]
    [InlineData("::1", "loopback")]
    [InlineData("10.0.0.1", "private")]
    [InlineData("172.16.0.1", "private")]
    [InlineData("172.31.255.255", "private")]
    [InlineData("192.168.1.1", "private")]
    [InlineData("100.64.0.1", "carrier-grade NAT")]
    [InlineData("169.254.169.254", "link-local")]
    [InlineData("fe80::1", "link-local")]
    [InlineData("fd12:3456::1", "unique-local")]
    [InlineData("fc00::1", "unique-local")]
    [InlineData("224.0.0.251", "multicast")]
    [InlineData("ff02::1", "multicast")]
    [InlineData("0.0.0.0", "unspecified")]
    [InlineData("0.1.2.3", "unspecified")]
    [InlineData("::", "unspecified")]
    [InlineData("255.255.255.255", "broadcast")]
    [InlineData("240.0.0.1", "reserved")]
    [InlineData("198.18.0.1", "reserved")]
    [InlineData("::ffff:127.0.0.1", "loopback")]
    [InlineData("::ffff:10.1.2.3", "private")]
    [InlineData("::ffff:169.254.169.254", "link-local")]
    [InlineData("::127.0.0.1", "loopback")]
    [InlineData("::8.8.8.8", "reserved")]
    [InlineData("64:ff9b::7f00:1", "loopback")]
    [InlineData("64:ff9b:1::1", "private")]
    [InlineData("2002:7f00:1::", "loopback")]
    [InlineData("2002:a9fe:a9fe::1", "link-local")]
    [InlineData("2001:0:4136:e378:8000:63bf:80ff:fffe", "loopback")] // Teredo, client 127.0.0.1 (inverted)
    [InlineData("fec0::1", "site-local")]
    [InlineData("2001:db8::1", "reserved")]
    public void Internal_and_special_addresses_are_named(string address, string kind)
    {
        Assert.Equal(kind, SpecialAddresses.Kind(IPAddress.Parse(address)));
    }

    [Theory]
    [InlineData("8.8.8.8")]
    [InlineData("1.1.1.1")]
    [InlineData("172.32.0.1")]
    [InlineData("100.128.0.1")]
    [InlineData("2606:4700::1111")]
    [InlineData("::ffff:8.8.8.8")]
    [InlineData("64:ff9b::808:808")]
    [InlineData("2002:808:808::1")]
    public void Public_addresses_are_not_special(string address)
    {
        Assert.Null(SpecialAddresses.Kind(IPAddress.Parse(address)));
    }

    static readonly Gen<IPAddress> AnyV4 = Gen.Byte.Array[4].Select(b => new IPAddress(b));

    [Fact]
    public void Every_IPv6_form_that_carries_an_IPv4_address_is_judged_by_it()
    {
        AnyV4.Sample(
            v4 =>
            {
                var b = v4.GetAddressBytes();
                var kind = SpecialAddresses.Kind(v4);
                Assert.Equal(kind, SpecialAddresses.Kind(v4.MapToIPv6()));
                Assert.Equal(kind, SpecialAddresses.Kind(IPAddress.Parse($"64:ff9b::{b[0]:x2}{b[1]:x2}:{b[2]:x2}{b[3]:x2}")));
                Assert.Equal(kind, SpecialAddresses.Kind(IPAddress.Parse($"2002:{b[0]:x2}{b[1]:x2}:{b[2]:x2}{b[3]:x2}::1")));
                if (b[0] != 0 || b[1] != 0 || b[2] != 0) // ::0.0.0.x are :: and ::1 themselves
                    Assert.Equal(kind ?? "reserved", SpecialAddresses.Kind(IPAddress.Parse($"::{v4}")));
            },
            iter: 5000
        );
    }

    [Fact]
    public void Every_address_in_an_internal_range_is_refused_without_an_entry_and_allowed_with_one()
    {
        var ranges = new[] { "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16" };
        Gen.Select(Gen.Int[0, ranges.Length - 1], Gen.UInt, Gen.Int[1, 65535])
            .Sample(
                (i, bits, port) =>
                {
                    var range = IPNetwork.Parse(ranges[i]);
                    var address = Inside(range, bits);
                    Assert.NotNull(EgressPolicy.Closed.Refusal(address.ToString(), address, port));
                    Assert.True(EgressPolicy.TryParse(ranges[i], out var allowed, out _));
                    Assert.Null(allowed.Refusal(address.ToString(), address, port));
                    Assert.True(EgressPolicy.TryParse($"{address}:{(port % 65535) + 1}", out var otherPort, out _));
                    Assert.NotNull(otherPort.Refusal(address.ToString(), address, port));
                },
                iter: 5000
            );
    }

    [Fact]
    public async Task However_an_IPv4_address_is_spelled_the_resolved_address_is_what_is_checked()
    {
        await AnyV4.SampleAsync(
            async v4 =>
            {
                var b = v4.GetAddressBytes();
                var n = (uint)(b[0] << 24 | b[1] << 16 | b[2] << 8 | b[3]);
                var spellings = new[]
                {
                    n.ToString(System.Globalization.CultureInfo.InvariantCulture), // 2130706433
                    $"0x{n:x8}", // 0x7f000001
                    string.Join('.', b.Select(x => "0" + Convert.ToString(x, 8))), // 0177.00.00.01
                    string.Join('.', b.Select(x => $"0x{x:x}")), // 0x7f.0x0.0x0.0x1
                    $"{b[0]}.{b[1] << 16 | b[2] << 8 | b[3]}", // 127.1
                    $"[{v4.MapToIPv6()}]", // [::ffff:127.0.0.1]
                };
                var kind = SpecialAddresses.Kind(v4);
                foreach (var spelling in spellings)
                {
                    if (kind is null)
                        Assert.Equal(v4, Assert.Single(await EgressPolicy.Closed.ResolveAsync(spelling, 443, CancellationToken.None)));
                    else
                    {
                        var refused = await Assert.ThrowsAsync<EgressRefusedException>(() =>
                            EgressPolicy.Closed.ResolveAsync(spelling, 443, CancellationToken.None)
                        );
                        Assert.Equal(v4, refused.Address);
                        Assert.Equal(kind, refused.Kind);
                    }
                }
            },
            iter: 2000
        );
    }

    [Fact]
    public async Task Localhost_resolves_to_loopback_and_is_refused()
    {
        var refused = await Assert.ThrowsAsync<EgressRefusedException>(() =>
            EgressPolicy.Closed.ResolveAsync("localhost", 8080, CancellationToken.None)
        );
        Assert.Equal("loopback", refused.Kind);
        Assert.StartsWith("Refused to connect to localhost:8080 (it is ", refused.Message);
        Assert.Contains("MOSAIC_EGRESS_ALLOW", refused.Message);
    }

    [Fact]
    public void The_refusal_names_the_address_its_kind_and_the_setting()
    {
        var e = new EgressRefusedException("127.0.0.1", IPAddress.Loopback, 8080, "loopback");
        Assert.Equal(
            "Refused to connect to 127.0.0.1:8080 (a loopback address): connections to internal addresses are off "
                + "unless the operator allows them. Check the URL or host in the data source settings, or ask the operator to add it "
                + "to MOSAIC_EGRESS_ALLOW.",
            e.Message
        );
        Assert.StartsWith(
            "Refused to connect to [::1]:80 (a loopback address)",
            new EgressRefusedException("[::1]", IPAddress.IPv6Loopback, 80, "loopback").Message
        );
        Assert.StartsWith(
            "Refused to connect to 2130706433:80 (it is 127.0.0.1, a loopback address)",
            new EgressRefusedException("2130706433", IPAddress.Loopback, 80, "loopback").Message
        );
        Assert.Contains("(an unspecified address)", new EgressRefusedException("0.0.0.0", IPAddress.Any, 80, "unspecified").Message);
    }

    static IPAddress Inside(IPNetwork range, uint bits)
    {
        var b = range.BaseAddress.GetAddressBytes();
        var n = (uint)(b[0] << 24 | b[1] << 16 | b[2] << 8 | b[3]);
        var hostMask = range.PrefixLength == 32 ? 0u : uint.MaxValue >> range.PrefixLength;
        var v = n | (bits & hostMask);
        return new IPAddress([(byte)(v >> 24), (byte)(v >> 16), (byte)(v >> 8), (byte)v]);
    }
}
