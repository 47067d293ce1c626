using Mosaic.Server.Tests.Offline;
using MySqlConnector;

namespace Mosaic.Server.Tests.Sources.MySql;

/// <summary>The demo database loaded into the test MariaDB (dates moved to now), with one user whose MySQL source it is.</summary>
public sealed class MariaDbDemoFixture : IAsyncLifetime
{
    public MariaDbQueryFixture Db { get; } = new();
    public TestUser User { get; private set; } = null!;

    /// <summary>One clock for the plan and the independent queries, so a period means the same to both.</summary>
    public DateTimeOffset Now { get; } = DateTimeOffset.UtcNow;

    public async Task InitializeAsync()
    {
        await Db.InitializeAsync();
        User = await Db.UserAsync();
    }

    /// <summary>One value, read straight from MariaDB (not through Mosaic).</summary>
    public async Task<object?> ScalarAsync(string sql)
    {
        var cs = new MySqlConnectionStringBuilder(Db.Server.ConnectionString) { Database = Db.Database, Pooling = false };
        await using var c = new MySqlConnection(cs.ConnectionString);
        await c.OpenAsync();
        await using var cmd = new MySqlCommand(sql, c);
        return await cmd.ExecuteScalarAsync();
    }

    public Task DisposeAsync() => Db.DisposeAsync();
}

/// <summary>The same answers on MariaDB: the generated SQL is portable, the numbers are the data's.</summary>
public sealed class MariaDbOfflineAnswerTests(MariaDbDemoFixture fx) : IClassFixture<MariaDbDemoFixture>
{
    [Theory]
    [MemberData(nameof(OfflineAnswerCases.AnyDay), MemberType = typeof(OfflineAnswerCases))]
    public Task The_answer_leads_with_the_numbers_the_data_has(string question) =>
        OfflineAnswerCases.AssertAnswersAsync(fx.Db.App.Services, fx.User.Id, question, fx.Now, fx.ScalarAsync);
}
