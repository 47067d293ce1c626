using System.Text.RegularExpressions;
using Microsoft.Extensions.Time.Testing;
using Mosaic.Connectors.Tests.Infrastructure;
using Mosaic.Server.Connectors.Hub;
using Mosaic.Server.Sources;

namespace Mosaic.Server.Tests.Hub;

/// <summary>
/// Users never cross on a shared connector: 50 users with distinct Sandbox member tokens interleave calls on ONE process of
/// each Sandbox-backed built-in connector. The Sandbox names the member whose token reached it in every identity answer,
/// so each whoami proves whose credentials the connector used for that call.
/// </summary>
public sealed partial class SharedCrossingTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>
{
    const int Users = 50;

    // Each source and the variables holding its tokens (each becomes the member's token).
    static readonly (string Source, string[] Tokens)[] Sources =
    [
        ("slack", ["SLACK_BOT_TOKEN", "SLACK_USER_TOKEN"]),
        ("github", ["GITHUB_TOKEN"]),
        ("jira", ["JIRA_API_TOKEN"]),
        ("shopify", ["SHOPIFY_ACCESS_TOKEN"]),
        ("google_workspace", ["GOOGLE_REFRESH_TOKEN"]),
    ];

    StdioLaunchSpec SharedSpec(string source, IReadOnlyDictionary<string, string> credentials)
    {
        var definition = BuiltInSources.Find(source)!.Definition;
        var (command, arguments) = new BuiltInConnectorLocator().Locate(definition.Assembly!);
        return new StdioLaunchSpec(command, arguments, new Dictionary<string, string> { ["MOSAIC_CREDENTIALS"] = "per-call" })
        {
            CallCredentials = credentials,
            Trust = ToolTrust.For(definition),
        };
    }

    [Fact]
    public async Task Fifty_users_interleaved_on_one_process_per_source_each_get_their_own_results()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var h = new HubHarness(
            o =>
            {
                o.PoolMaxPerSource = 1; // one process per source, whatever the load
                o.CallTimeout = TimeSpan.FromSeconds(60);
            },
            clock,
            egressAllow: sandbox.EnvFor("slack")["MOSAIC_EGRESS_ALLOW"],
            minimum: LogLevel.Warning
        );
        foreach (var (source, tokens) in Sources)
        {
            for (var n = 1; n <= Users; n++)
                h.Resolver.Set($"user{n}", source, SharedSpec(source, PerCallEnv.Member(sandbox.EnvFor(source), n, tokens)));
            var wrong = PerCallEnv.Credentials(sandbox.EnvFor(source));
            foreach (var token in tokens)
                wrong[token] = "not-a-sandbox-token";
            h.Resolver.Set("stranger", source, SharedSpec(source, wrong));
        }

        var shuffle = new Random(16);
        // Every (user, source) pair twice, in a shuffled order, 32 at a time: calls of many users overlap on each process.
        var calls = Enumerable
            .Range(1, Users)
            .SelectMany(n => Sources.Select(s => (User: n, s.Source)))
            .SelectMany(c => new[] { c, c })
            .OrderBy(_ => shuffle.Next())
            .ToList();
        using var gate = new SemaphoreSlim(32);
        var results = await Task.WhenAll(
            calls.Select(async c =>
            {
                await gate.WaitAsync();
                try
                {
                    return (c.User, c.Source, Result: await h.Hub.CallToolAsync($"user{c.User}", c.Source, "whoami", null, default));
                }
                finally
                {
                    gate.Release();
                }
            })
        );
        var stranger = await Task.WhenAll(Sources.Select(s => h.Hub.CallToolAsync("stranger", s.Source, "whoami", null, default)));

        foreach (var (user, source, result) in results)
        {
            Assert.False(result.IsError, $"{source} for user {user}: {result.Text}");
            var members = Member().Matches(result.Text).Select(m => int.Parse(m.Groups[1].Value)).Distinct().ToList();
            Assert.True(members.SequenceEqual([user]), $"{source} for user {user} answered as member(s) {string.Join(",", members)}");
        }
        // A caller whose token the service refuses gets an error of their own: nobody else's identity in it.
        Assert.All(stranger, r => Assert.True(r.IsError));
        Assert.All(stranger, r => Assert.DoesNotMatch(Member(), r.Text));
        foreach (var (source, _) in Sources)
            Assert.Single(h.Hub.GetStatus().Sessions, s => s.Datasource == source && s.Shared);
        Assert.Equal(Sources.Length, h.Hub.GetStatus().LiveSessions);
    }

    [GeneratedRegex(@"member-(\d+)")]
    private static partial Regex Member();
}
