using Mosaic.Connectors.Tests.Infrastructure;

namespace Mosaic.Connectors.Tests.Egress;

/// <summary>
/// A user saves a base URL pointing inside the network, in every spelling people use: the connector (a real
/// process, here Slack) refuses before connecting, and the loopback service standing in for an internal one
/// receives no connection. The operator's MOSAIC_EGRESS_ALLOW opens exactly what it names.
/// </summary>
public sealed class HttpEgressTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>
{
    static Dictionary<string, string> Slack(string apiUrl, string? allow) =>
        new()
        {
            ["SLACK_BOT_TOKEN"] = "xoxb-test",
            ["SLACK_API_URL"] = apiUrl,
            ["MOSAIC_EGRESS_ALLOW"] = allow ?? "",
        };

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("2130706433")]
    [InlineData("0177.0.0.1")]
    [InlineData("0x7f000001")]
    [InlineData("0x7f.0.0.1")]
    [InlineData("127.1")]
    [InlineData("[::1]")]
    [InlineData("localhost")]
    [InlineData("LocalHost.")]
    [InlineData("0.0.0.0")]
    [InlineData("[::ffff:127.0.0.1]")]
    [InlineData("[::ffff:7f00:1]")]
    [InlineData("[::]")]
    public async Task A_loopback_base_url_is_refused_however_it_is_spelled(string host)
    {
        await using var internalService = LoopbackService.Start();
        // Another loopback port is allowed: an allow list must not open more than it names.
        await using var slack = await ConnectorProcess.StartAsync(
            "Slack",
            Slack($"http://{host}:{internalService.Port}/api/", "127.0.0.1:1")
        );

        var error = EgressAssert.Refused(await slack.CallAsync("list_channels"), internalService, $":{internalService.Port}");

        Assert.Matches(@"\((a loopback|an unspecified) address\)|\(it is .+, (a loopback|an unspecified) address\)", error);
    }

    [Fact]
    public async Task A_redirect_from_an_allowed_host_to_a_refused_one_is_not_followed()
    {
        await using var internalService = LoopbackService.Start();
        await using var redirector = LoopbackService.Start(redirectTo: $"{internalService.Url}/api/conversations.list");
        await using var slack = await ConnectorProcess.StartAsync("Slack", Slack($"{redirector.Url}/api/", $"127.0.0.1:{redirector.Port}"));

        var error = EgressAssert.Refused(await slack.CallAsync("list_channels"), internalService, $"127.0.0.1:{internalService.Port}");

        Assert.DoesNotContain(redirector.Secret, error);
        Assert.True(redirector.Connections >= 1, "the allowed host was asked (and answered with the redirect)");
    }

    [Fact]
    public async Task A_redirect_followed_by_octokit_is_checked_too()
    {
        await using var internalService = LoopbackService.Start();
        var target = $"http://localhost:{internalService.Port}/repos/acme/storefront/issues";
        await using var redirector = LoopbackService.Start(redirectTo: target);
        await using var github = await ConnectorProcess.StartAsync(
            "GitHub",
            new Dictionary<string, string>
            {
                ["GITHUB_TOKEN"] = "ghp_test",
                ["GITHUB_API_URL"] = redirector.Url,
                ["MOSAIC_EGRESS_ALLOW"] = $"127.0.0.1:{redirector.Port}",
            }
        );

        EgressAssert.Refused(await github.CallAsync("list_issues", new { repo = "acme/storefront" }), internalService, "localhost");

        Assert.True(redirector.Connections >= 1, "the allowed host was asked (and answered with the redirect)");
    }

    [Fact]
    public async Task An_entry_with_a_port_allows_only_that_port()
    {
        await using var internalService = LoopbackService.Start();
        var sandboxEntry = sandbox.EnvFor("slack")["MOSAIC_EGRESS_ALLOW"];
        Assert.Equal(TestServices.EgressEntry(sandbox.BaseUrl), sandboxEntry);

        await using var allowed = await ConnectorProcess.StartAsync("Slack", sandbox.EnvFor("slack"));
        await using var otherPort = await ConnectorProcess.StartAsync(
            "Slack",
            sandbox.EnvFor("slack", ("SLACK_API_URL", $"{internalService.Url}/api/"))
        );

        (await allowed.CallAsync("list_channels")).Ok();
        EgressAssert.Refused(await otherPort.CallAsync("list_channels"), internalService, $"127.0.0.1:{internalService.Port}");
    }

    [Theory]
    [InlineData("127.0.0.0/8", "127.0.0.1")]
    [InlineData("127.0.0.0/8", "2130706433")]
    [InlineData("127.0.0.1", "0x7f.1")]
    [InlineData("localhost", "localhost")]
    public async Task An_allowed_range_address_or_name_reaches_the_service_on_any_port(string allow, string host)
    {
        var url = $"http://{host}:{new Uri(sandbox.BaseUrl).Port}/slack/api/";
        await using var slack = await ConnectorProcess.StartAsync(
            "Slack",
            sandbox.EnvFor("slack", ("SLACK_API_URL", url), ("MOSAIC_EGRESS_ALLOW", allow))
        );

        var channels = (await slack.CallAsync("list_channels")).Ok().GetProperty("channels");

        Assert.True(channels.GetArrayLength() > 0);
    }

    [Fact]
    public async Task A_range_does_not_cover_addresses_outside_it()
    {
        await using var internalService = LoopbackService.Start();
        await using var slack = await ConnectorProcess.StartAsync(
            "Slack",
            Slack($"http://[::1]:{internalService.Port}/api/", "127.0.0.0/8,fd00::/8")
        );

        EgressAssert.Refused(await slack.CallAsync("list_channels"), internalService, $"[::1]:{internalService.Port}");
    }

    [Fact]
    public async Task A_malformed_allow_list_stops_the_connector_naming_the_variable_and_entry()
    {
        var (code, stderr) = await ConnectorProcess.RunToExitAsync("Slack", Slack("https://slack.com/api/", "10.0.0.0/8,127.1:80"));

        Assert.Equal(2, code);
        Assert.Contains("configuration error", stderr);
        Assert.Contains("MOSAIC_EGRESS_ALLOW entry \"127.1:80\"", stderr);
    }
}
