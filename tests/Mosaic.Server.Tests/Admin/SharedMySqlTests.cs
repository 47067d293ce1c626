using System.Net.Http.Json;
using System.Text.Json;
using Mosaic.Connectors.Tests.Infrastructure;
using Mosaic.Server.Tests.Chat.Support;
using MySqlConnector;

namespace Mosaic.Server.Tests.Admin;

/// <summary>
/// The demo's Acme database on the test MariaDB, read by a MariaDB user whose password is a canary, and an Offline server
/// with no operator egress exception: the loopback MariaDB is reachable only through what an admin fixes.
/// </summary>
public sealed class SharedMySqlFixture : IAsyncLifetime
{
    public const string Canary = "canary-SECRET-1234567890";
    public string Database { get; } = $"mosaic_shared_{Guid.NewGuid():N}"[..26];
    public string User { get; } = $"canary_{Guid.NewGuid():N}"[..20];
    public MySqlConnectionStringBuilder Server { get; } =
        new(
            Environment.GetEnvironmentVariable("MOSAIC_TEST_MARIADB") is { Length: > 0 } cs
                ? cs
                : throw new InvalidOperationException("MOSAIC_TEST_MARIADB is not set: these tests need the test MariaDB.")
        );
    public ChatAppFactory App { get; } = new(null);

    public async Task InitializeAsync()
    {
        var sql = await File.ReadAllTextAsync(Path.Combine(RepoPaths.Root, "src", "Mosaic.Sandbox", "Demo", "acme-mysql.sql"));
        await ExecAsync($"CREATE DATABASE `{Database}`; USE `{Database}`;\n{sql}");
        await ExecAsync($"CREATE USER '{User}'@'%' IDENTIFIED BY '{Canary}'; GRANT SELECT ON `{Database}`.* TO '{User}'@'%';");
        await App.InitializeAsync();
    }

    /// <summary>Where the database is: what the admin fixes.</summary>
    public object Location(bool withDatabase = true) =>
        withDatabase
            ? new
            {
                host = Server.Server,
                port = Server.Port.ToString(),
                database = Database,
                ssl_mode = "None",
            }
            : new { host = Server.Server, port = Server.Port.ToString() };

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await ExecAsync($"DROP DATABASE IF EXISTS `{Database}`; DROP USER IF EXISTS '{User}'@'%';");
    }

    async Task ExecAsync(string sql)
    {
        var b = new MySqlConnectionStringBuilder(Server.ConnectionString)
        {
            Database = "",
            AllowUserVariables = true,
            Pooling = false,
        };
        await using var c = new MySqlConnection(b.ConnectionString);
        await c.OpenAsync();
        await using var cmd = new MySqlCommand(sql, c);
        await cmd.ExecuteNonQueryAsync();
    }
}

public sealed class SharedMySqlTests(SharedMySqlFixture fx) : IClassFixture<SharedMySqlFixture>
{
    [Fact]
    public async Task A_member_without_credentials_asks_the_shared_MySQL_and_never_sees_its_secret()
    {
        var admin = await fx.App.SignInAdminAsync();
        await admin.PatchSourceAsync("mysql", new { connection = "shared", fixed_settings = fx.Location() });
        await admin.SaveSharedAsync("mysql", new { user = fx.User, password = SharedMySqlFixture.Canary });
        try
        {
            var member = await fx.App.SignInAsync();
            var bodies = new List<string>();
            var mysql = (await member.DatasourceAsync("mysql"))!.Value;
            bodies.Add(mysql.ToString());
            Assert.Equal("shared", mysql.GetProperty("connection").GetString());
            Assert.True(mysql.GetProperty("configured").GetBoolean());
            Assert.Empty(AdminUsers.FieldNames(mysql));

            var answer = await AskAsync(member, "list tables");
            bodies.Add(answer.Raw);
            Assert.True(answer.ToolSucceeded, answer.Raw);
            Assert.Contains("orders", answer.Text);

            // A failing query: the error path must not carry the secret either.
            bodies.Add((await AskAsync(member, "execute_query sql=\"SELECT nope FROM missing_table\"")).Raw);
            foreach (var path in new[] { "/api/datasources", "/api/credentials/mysql/status", "/api/agent/sources", "/api/chat/sessions" })
                bodies.Add(await (await member.Http.GetAsync(path)).Content.ReadAsStringAsync());
            bodies.Add(await (await member.Http.GetAsync("/api/admin/sources/mysql")).Content.ReadAsStringAsync()); // 403
            bodies.Add(await (await admin.Http.GetAsync("/api/admin/sources/mysql")).Content.ReadAsStringAsync());

            foreach (var body in bodies)
                Assert.DoesNotContain(SharedMySqlFixture.Canary, body);
            Assert.DoesNotContain(SharedMySqlFixture.Canary, fx.App.Logs.All);

            // The shared connection acts for the member: the audit log records both calls under the member, not the admin.
            var calls = await fx.App.Database.QueryStringsAsync(
                $"SELECT tool FROM audit_log WHERE user_id = '{member.Id}' AND kind = 'tool_call' AND source = 'mysql' ORDER BY id"
            );
            Assert.Equal(["list_tables", "execute_query"], calls);
            var adminCalls = await fx.App.Database.QueryStringsAsync(
                $"SELECT tool FROM audit_log WHERE user_id = '{admin.Id}' AND kind = 'tool_call'"
            );
            Assert.Empty(adminCalls);
        }
        finally
        {
            await admin.Http.DeleteAsync("/api/admin/sources/mysql/credentials");
            await admin.PatchSourceAsync("mysql", new { connection = "personal", fixed_settings = new { } });
        }
    }

    [Fact]
    public async Task A_member_cannot_reach_loopback_with_their_own_host_but_can_once_the_admin_fixes_it()
    {
        var admin = await fx.App.SignInAdminAsync();
        var member = await fx.App.SignInAsync();
        var saved = await member.Http.PostAsJsonAsync(
            "/api/credentials",
            new
            {
                datasource = "mysql",
                credentials = new
                {
                    host = fx.Server.Server,
                    port = fx.Server.Port.ToString(),
                    user = fx.User,
                    password = SharedMySqlFixture.Canary,
                    database = fx.Database,
                    ssl_mode = "None",
                },
            }
        );
        Assert.True(saved.IsSuccessStatusCode, await saved.Content.ReadAsStringAsync());

        var refused = await AskAsync(member, "list tables");
        Assert.False(refused.ToolSucceeded && refused.Text.Contains("orders"), refused.Raw);
        Assert.Contains("MOSAIC_EGRESS_ALLOW", refused.Raw);

        await admin.PatchSourceAsync("mysql", new { fixed_settings = fx.Location(withDatabase: false) });
        try
        {
            var allowed = await AskAsync(member, "list tables");
            Assert.True(allowed.ToolSucceeded, allowed.Raw);
            Assert.Contains("orders", allowed.Text);
        }
        finally
        {
            await admin.PatchSourceAsync("mysql", new { fixed_settings = new { } });
        }
    }

    sealed record Answer(string Raw, string Text, bool ToolSucceeded);

    static async Task<Answer> AskAsync(TestUser user, string message)
    {
        await using var sse = await SseStream.OpenAsync(user.Http, new { message, datasource = "mysql" });
        var events = await sse.ReadToEndAsync(TimeSpan.FromSeconds(60));
        var text = string.Concat(events.Where(e => SseStream.Type(e) == "chunk").Select(e => e.GetProperty("content").GetString()));
        var ok = events.Any(e => SseStream.Type(e) == "tool_end" && e.GetProperty("success").GetBoolean());
        return new Answer(string.Join("\n", events.Select(e => e.GetRawText())), text, ok);
    }
}
