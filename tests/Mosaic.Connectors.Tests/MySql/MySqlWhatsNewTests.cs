using System.Globalization;
using Mosaic.Connectors.Tests.Infrastructure;
using static Mosaic.Connectors.Tests.Infrastructure.WhatsNewAssert;

namespace Mosaic.Connectors.Tests.MySql;

/// <summary>The database's whats_new: the demo's SQLite support tickets (from the Sandbox), and a MariaDB table of them.</summary>
public sealed class MySqlWhatsNewTests(SandboxFixture sandbox, MariaDbFixture maria, SqliteFixture plain)
    : IClassFixture<SandboxFixture>,
        IClassFixture<MariaDbFixture>,
        IClassFixture<SqliteFixture>
{
    [Fact]
    public async Task The_demo_database_lists_tickets_updated_in_the_window_open_high_ones_actionable()
    {
        await using var db = await ConnectorProcess.StartAsync("MySql", sandbox.EnvFor("mysql"));
        var since = DateTimeOffset.UtcNow.AddHours(-72);
        var (items, _) = await CallAsync(db, since);

        var urgent = Single(items, "support_ticket", "SUP-2039 ");
        Assert.True(urgent.Actionable());
        Assert.Equal("high", urgent.Text("priority"));
        Assert.Equal("mysql-SUP-2039", urgent.Text("id"));
        Assert.StartsWith("open · high · ", urgent.Text("summary"));
        var normal = Single(items, "support_ticket", "SUP-2040 ");
        Assert.False(normal.Actionable());
        Assert.EndsWith("· unassigned", normal.Text("summary"));
        Assert.All(items, i => Assert.True(i.At() >= since.AddSeconds(-1), i.ToString()));
        // Newest change first, as the query orders them.
        Assert.Equal(items.Select(i => i.At()).OrderDescending(), items.Select(i => i.At()));
    }

    [Fact]
    public async Task A_database_without_support_tickets_has_nothing_new()
    {
        var (items, truncated) = await CallAsync(await plain.ConnectorAsync(), DateTimeOffset.UtcNow.AddDays(-30));
        Assert.Empty(items);
        Assert.False(truncated);
    }

    [Fact]
    public async Task MariaDB_tickets_are_read_by_their_update_time()
    {
        var now = DateTime.UtcNow;
        string At(double hours) => now.AddHours(hours).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        await using (var c = await maria.OpenAsync(maria.Database))
            await MariaDbFixture.ExecAsync(
                c,
                $"""
                CREATE TABLE IF NOT EXISTS support_tickets (ticket_key VARCHAR(20) PRIMARY KEY, subject VARCHAR(200), status VARCHAR(20),
                  priority VARCHAR(10), assignee VARCHAR(120), updated_at DATETIME);
                DELETE FROM support_tickets;
                INSERT INTO support_tickets VALUES ('T-1', 'Refund twice', 'open', 'urgent', 'dave@acme.test', '{At(-2)}'),
                  ('T-2', 'Old question', 'open', 'high', NULL, '{At(-50)}'), ('T-3', 'Thanks!', 'closed', 'high', NULL, '{At(-1)}');
                """
            );

        var (items, _) = await CallAsync(await maria.ConnectorAsync(), DateTimeOffset.UtcNow.AddHours(-24));
        Assert.Equal(["mysql-T-3", "mysql-T-1"], items.Select(i => i.Text("id")));
        Assert.True(items[1].Actionable());
        Assert.False(items[0].Actionable()); // closed
        Assert.Equal("high", items[0].Text("priority"));
        Assert.Equal(DateTimeOffset.Parse(At(-2) + "Z", CultureInfo.InvariantCulture), items[1].At());
    }
}
