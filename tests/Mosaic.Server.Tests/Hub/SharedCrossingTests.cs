using System.Text.RegularExpressions;
using Microsoft.Extensions.Time.Testing;
using Mosaic.Connectors.Tests.Infrastructure;
using Mosaic.Server.Connectors.Hub;
using Mosaic.Server.Sources;
using MySqlConnector;

namespace Mosaic.Server.Tests.Hub;

/// <summary>
/// Users never cross on a shared connector: 50 users with distinct Sandbox member tokens interleave calls on ONE process of
/// each Sandbox-backed built-in connector. The Sandbox names the member whose token reached it in every identity answer,
/// so each whoami proves whose credentials the connector used for that call. MySQL's part does the same with 50 database
/// users (S3's two-caller version is in the connector tests: s3rver has a single key pair).
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

    [Fact]
    public async Task Fifty_database_users_interleaved_on_one_MySQL_process_each_connect_as_themselves()
    {
        var server = new MySqlConnectionStringBuilder(TestServices.MariaDb);
        var suffix = TestServices.UniqueSuffix()[..6];
        var database = $"cross_{suffix}";
        var accounts = Enumerable.Range(1, Users).Select(n => $"cross_{suffix}_{n}").ToList();
        await RunAsync(
            server,
            $"CREATE DATABASE `{database}`;"
                + string.Concat(
                    accounts.Select(a => $"CREATE USER '{a}'@'%' IDENTIFIED BY 'pw-{a}'; GRANT SELECT ON `{database}`.* TO '{a}'@'%';")
                )
        );
        try
        {
            await using var h = new HubHarness(
                o => o.PoolMaxPerSource = 1,
                new FakeTimeProvider(DateTimeOffset.UtcNow),
                egressAllow: TestServices.EgressEntry(server.Server, (int)server.Port),
                minimum: LogLevel.Warning
            );
            foreach (var account in accounts)
                h.Resolver.Set(
                    account,
                    "mysql",
                    SharedSpec(
                        "mysql",
                        new Dictionary<string, string>
                        {
                            ["MYSQL_HOST"] = server.Server,
                            ["MYSQL_PORT"] = server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                            ["MYSQL_USER"] = account,
                            ["MYSQL_PASSWORD"] = $"pw-{account}",
                            ["MYSQL_DATABASE"] = database,
                            ["MYSQL_SSL_MODE"] = "None",
                        }
                    )
                );

            using var gate = new SemaphoreSlim(16);
            var shuffle = new Random(16);
            var results = await Task.WhenAll(
                accounts
                    .Concat(accounts)
                    .OrderBy(_ => shuffle.Next())
                    .Select(async account =>
                    {
                        await gate.WaitAsync();
                        try
                        {
                            return (account, Result: await h.Hub.CallToolAsync(account, "mysql", "whoami", null, default));
                        }
                        finally
                        {
                            gate.Release();
                        }
                    })
            );

            foreach (var (account, result) in results)
            {
                Assert.False(result.IsError, $"{account}: {result.Text}");
                var named = Account().Matches(result.Text).Select(m => m.Value).Distinct().ToList();
                Assert.True(named.SequenceEqual([account]), $"{account} connected as {string.Join(",", named)}");
            }
            Assert.Single(h.Hub.GetStatus().Sessions, s => s.Datasource == "mysql" && s.Shared);
        }
        finally
        {
            await RunAsync(
                server,
                $"DROP DATABASE IF EXISTS `{database}`;" + string.Concat(accounts.Select(a => $"DROP USER IF EXISTS '{a}'@'%';"))
            );
        }
    }

    static async Task RunAsync(MySqlConnectionStringBuilder server, string sql)
    {
        await using var connection = new MySqlConnection(server.ConnectionString);
        await connection.OpenAsync();
        await new MySqlCommand(sql, connection).ExecuteNonQueryAsync();
    }

    [GeneratedRegex(@"cross_[0-9a-f]{6}_\d+")]
    private static partial Regex Account();

    [GeneratedRegex(@"member-(\d+)")]
    private static partial Regex Member();
}
