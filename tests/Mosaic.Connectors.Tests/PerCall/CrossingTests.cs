using Mosaic.Connectors.Tests.Infrastructure;

namespace Mosaic.Connectors.Tests.PerCall;

/// <summary>
/// No crossing: 50 callers with distinct Sandbox member tokens, their calls shuffled and all in flight at once on ONE
/// connector process; every whoami names its own caller and no other.
/// </summary>
public sealed class CrossingTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>
{
    private const int Members = 50;

    [Theory]
    [InlineData("Slack", "slack", "SLACK_BOT_TOKEN", "SLACK_USER_TOKEN")]
    [InlineData("Jira", "jira", "JIRA_API_TOKEN")]
    public async Task Fifty_interleaved_callers_each_get_their_own_answer(string connector, string source, params string[] tokens)
    {
        var env = sandbox.EnvFor(source);
        await using var process = await ConnectorProcess.StartAsync(connector, PerCallEnv.ProcessEnv(env));
        // Three calls per member, shuffled (fixed seed: the same interleaving every run), all started together.
        var calls = Enumerable.Range(1, Members).SelectMany(n => Enumerable.Repeat(n, 3)).ToList();
        new Random(16).Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(calls));

        var results = await Task.WhenAll(
            calls.Select(async n =>
                (
                    Member: n,
                    Identity: (await process.CallAsAsync(PerCallEnv.Member(env, n, tokens), "whoami"))
                        .Ok()
                        .GetProperty("identity")
                        .GetString()!
                )
            )
        );

        Assert.Equal(Members * 3, results.Length);
        foreach (var (member, identity) in results)
        {
            Assert.Matches(PerCallWhoamiTests.Names(member), identity);
            Assert.Single(System.Text.RegularExpressions.Regex.Matches(identity, @"member-\d+"));
        }
    }
}
