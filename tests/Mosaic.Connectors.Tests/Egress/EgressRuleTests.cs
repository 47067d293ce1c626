using System.Net;
using Mosaic.Connectors.Common.Configuration;
using Mosaic.Connectors.Common.Egress;

namespace Mosaic.Connectors.Tests.Egress;

/// <summary>MOSAIC_EGRESS_ALLOW as the operator writes it: entries, ports, CIDR ranges, and the errors for bad ones.</summary>
public sealed class EgressRuleTests
{
    static EgressPolicy Policy(string value)
    {
        Assert.True(EgressPolicy.TryParse(value, out var policy, out var errors), string.Join("; ", errors));
        return policy;
    }

    [Theory]
    [InlineData("jira.internal", "jira.internal")]
    [InlineData("Jira.Internal.", "jira.internal")]
    [InlineData("10.20.0.0/16", "10.20.0.0/16")]
    [InlineData("127.0.0.1:3306", "127.0.0.1:3306")]
    [InlineData("[::1]:8080", "[::1]:8080")]
    [InlineData("[::1]", "::1")]
    [InlineData("::1", "::1")]
    [InlineData("fd00::/8", "fd00::/8")]
    [InlineData("[fd00::/8]:443", "[fd00::/8]:443")]
    [InlineData("db.internal:3306", "db.internal:3306")]
    [InlineData("localhost", "localhost")]
    public void Well_formed_entries_parse_to_one_rule(string entry, string canonical)
    {
        var rule = Assert.Single(Policy(entry).Rules);
        Assert.Equal(canonical, rule.ToString());
    }

    [Fact]
    public void A_list_is_split_on_commas_and_blank_entries_are_ignored()
    {
        var policy = Policy(" jira.internal , 10.20.0.0/16,,127.0.0.1:3306 ,");
        Assert.Equal("jira.internal,10.20.0.0/16,127.0.0.1:3306", policy.ToString());
        Assert.Empty(Policy("").Rules);
        Assert.Empty(Policy(" , ").Rules);
    }

    [Theory]
    [InlineData("127.0.0.1:0", "port")]
    [InlineData("127.0.0.1:65536", "port")]
    [InlineData("127.0.0.1:http", "port")]
    [InlineData("127.0.0.1:+80", "port")]
    [InlineData("10.20.0.1/16", "CIDR")]
    [InlineData("10.20.0.0/33", "CIDR")]
    [InlineData("127.1", "IP address")]
    [InlineData("2130706433", "IP address")]
    [InlineData("0x7f000001", "IP address")]
    [InlineData("0177.0.0.1", "IP address")]
    [InlineData("999.1.1.1", "IP address")]
    [InlineData("fe80::1%eth0", "IP address")]
    [InlineData("[::1", "[")]
    [InlineData("[::1]x", ":port")]
    [InlineData("[jira.internal]:80", "IPv6")]
    [InlineData("http://jira.internal", "port")]
    [InlineData("jira internal", "host name")]
    [InlineData("*.internal", "host name")]
    [InlineData("jira.intérnal", "host name")]
    public void A_malformed_entry_is_named_with_what_is_wrong(string entry, string complaint)
    {
        Assert.False(EgressPolicy.TryParse($"ok.internal,{entry}", out var policy, out var errors));
        var error = Assert.Single(errors);
        Assert.StartsWith($"MOSAIC_EGRESS_ALLOW entry \"{entry}\" is ", error);
        Assert.Contains(complaint, error);
        Assert.Equal("ok.internal", policy.ToString()); // the good entries are still read
    }

    [Fact]
    public void A_malformed_entry_is_a_connector_configuration_error()
    {
        var env = new EnvConfig(name => name == "MOSAIC_EGRESS_ALLOW" ? "10.0.0.0/8,127.1" : null);
        EgressPolicy.FromEnv(env);
        var e = Assert.Throws<ConnectorConfigException>(env.ThrowIfInvalid);
        Assert.Contains("MOSAIC_EGRESS_ALLOW entry \"127.1\"", e.Message);
    }

    [Fact]
    public void A_port_allows_only_that_port()
    {
        var policy = Policy("127.0.0.1:3306");
        Assert.Null(policy.Refusal("127.0.0.1", IPAddress.Loopback, 3306));
        Assert.Equal("loopback", policy.Refusal("127.0.0.1", IPAddress.Loopback, 3307));
        Assert.Equal("loopback", policy.Refusal("::1", IPAddress.IPv6Loopback, 3306)); // another address
    }

    [Fact]
    public void An_address_entry_allows_that_address_however_the_host_is_spelled()
    {
        var policy = Policy("127.0.0.1:8080");
        foreach (var host in new[] { "127.0.0.1", "2130706433", "0x7f000001", "127.1", "localhost" })
            Assert.Null(policy.Refusal(host, IPAddress.Loopback, 8080));
        Assert.Null(policy.Refusal("::ffff:127.0.0.1", IPAddress.Parse("::ffff:127.0.0.1"), 8080));
    }

    [Fact]
    public void A_cidr_entry_allows_addresses_inside_it_only()
    {
        var policy = Policy("10.20.0.0/16,[fd00:1::/32]:443");
        Assert.Null(policy.Refusal("db", IPAddress.Parse("10.20.255.7"), 3306));
        Assert.Equal("private", policy.Refusal("db", IPAddress.Parse("10.21.0.1"), 3306));
        Assert.Null(policy.Refusal("h", IPAddress.Parse("fd00:1::9"), 443));
        Assert.Equal("unique-local", policy.Refusal("h", IPAddress.Parse("fd00:1::9"), 80));
        Assert.Equal("unique-local", policy.Refusal("h", IPAddress.Parse("fd00:2::9"), 443));
    }

    [Fact]
    public void A_host_name_entry_allows_that_exact_name_only()
    {
        var policy = Policy("jira.internal");
        var address = IPAddress.Parse("10.1.2.3");
        Assert.Null(policy.Refusal("jira.internal", address, 443));
        Assert.Null(policy.Refusal("JIRA.internal.", address, 443));
        Assert.Equal("private", policy.Refusal("evil.jira.internal", address, 443));
        Assert.Equal("private", policy.Refusal("10.1.2.3", address, 443)); // the name was allowed, not its address
    }

    [Fact]
    public void Public_addresses_need_no_entry()
    {
        Assert.Null(EgressPolicy.Closed.Refusal("example.com", IPAddress.Parse("93.184.215.14"), 443));
        Assert.Null(EgressPolicy.Closed.Refusal("example.com", IPAddress.Parse("2606:2800:21f:cb07:6820:80da:af6b:8b2c"), 443));
    }

    [Fact]
    public void With_adds_entries_once()
    {
        var policy = Policy("127.0.0.1:1").With(["127.0.0.1:2", "127.0.0.1:1"]);
        Assert.Equal("127.0.0.1:1,127.0.0.1:2", policy.ToString());
        Assert.Throws<FormatException>(() => policy.With(["nope:nope"]));
    }
}
