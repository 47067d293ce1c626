using System.Net.Http.Json;
using Mosaic.Connectors.Tests.Infrastructure;
using Mosaic.Server.Tests.Chat.Support;
using MySqlConnector;

namespace Mosaic.Server.Tests.Offline;

/// <summary>
/// The demo's Acme database loaded into a database of its own on the test MariaDB, and an Offline server allowed to reach it.
/// </summary>
public sealed class MariaDbQueryFixture : IAsyncLifetime
{
    public string Database { get; } = $"mosaic_offline_{Guid.NewGuid():N}"[..26];
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
        await using (var c = await OpenAsync())
        await using (var cmd = new MySqlCommand($"CREATE DATABASE `{Database}`; USE `{Database}`;\n{sql}", c))
            await cmd.ExecuteNonQueryAsync();
        // The test server is on loopback: the operator's allow list names exactly it.
        App.Settings["MOSAIC_EGRESS_ALLOW"] = Server.Server.Contains(':')
            ? $"[{Server.Server}]:{Server.Port}"
            : $"{Server.Server}:{Server.Port}";
        await App.InitializeAsync();
    }

    public async Task<TestUser> UserAsync()
    {
        var user = await App.SignInAsync();
        var saved = await user.Http.PostAsJsonAsync(
            "/api/credentials",
            new
            {
                datasource = "mysql",
                credentials = new
                {
                    host = Server.Server,
                    port = Server.Port.ToString(),
                    user = Server.UserID,
                    password = Server.Password,
                    database = Database,
                    ssl_mode = "None",
                },
            }
        );
        Assert.True(saved.IsSuccessStatusCode, await saved.Content.ReadAsStringAsync());
        return user;
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await using var c = await OpenAsync();
        await using var cmd = new MySqlCommand($"DROP DATABASE IF EXISTS `{Database}`", c);
        await cmd.ExecuteNonQueryAsync();
    }

    private async Task<MySqlConnection> OpenAsync()
    {
        var c = new MySqlConnection(
            new MySqlConnectionStringBuilder(Server.ConnectionString)
            {
                Database = "",
                AllowUserVariables = true,
                Pooling = false, // set-up and clean-up only: nothing to keep open for the rest of the run
            }.ConnectionString
        );
        await c.OpenAsync();
        return c;
    }
}

/// <summary>The execute_query bug as a user met it on MySQL/MariaDB: the answer listed the columns, not the rows.</summary>
public sealed class MariaDbQueryTests(MariaDbQueryFixture fx) : IClassFixture<MariaDbQueryFixture>
{
    [Fact]
    public async Task Offline_chat_answers_execute_query_on_MariaDB_with_the_rows()
    {
        var user = await fx.UserAsync();
        await using var sse = await SseStream.OpenAsync(
            user.Http,
            new
            {
                message = "execute_query sql=\"SELECT order_number, financial_status FROM orders "
                    + "WHERE order_number IN (1038, 1042) ORDER BY 1\"",
                datasource = "mysql",
            }
        );
        var events = await sse.ReadToEndAsync();

        Assert.Equal("execute_query", events.Single(e => SseStream.Type(e) == "tool_start").GetProperty("tool").GetString());
        Assert.True(events.Single(e => SseStream.Type(e) == "tool_end").GetProperty("success").GetBoolean());
        var text = string.Concat(events.Where(e => SseStream.Type(e) == "chunk").Select(e => e.GetProperty("content").GetString()));
        Assert.Contains("| order_number | financial_status |", text);
        Assert.Contains("| 1042 | partially_refunded |", text);
        Assert.Matches(@"\| 1038 \| \w+ \|", text);
        Assert.DoesNotContain("| name | type |", text);
    }
}
