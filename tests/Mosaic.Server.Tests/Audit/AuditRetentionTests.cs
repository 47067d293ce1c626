using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Mosaic.Server.Audit;
using Mosaic.Server.Data;

namespace Mosaic.Server.Tests.Audit;

/// <summary>AUDIT_RETENTION_DAYS: the sweep deletes old entries only, shortly after start and then hourly, on the server's clock.</summary>
public sealed class AuditRetentionTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero));
    private MosaicAppFactory _app = null!;

    public async Task InitializeAsync()
    {
        _app = await MosaicAppFactory.StartNewAsync(f =>
        {
            f.Time = _clock;
            f.Settings["AUDIT_RETENTION_DAYS"] = "30";
        });
        _ = _app.Server;
    }

    public Task DisposeAsync() => _app.DisposeAsync();

    private DateTime DaysAgo(double days) => _clock.GetUtcNow().UtcDateTime.AddDays(-days);

    private async Task SeedAsync(params double[] daysAgo)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MosaicDbContext>();
        db.AuditLog.AddRange(
            daysAgo.Select(d => new AuditEntry
            {
                At = DaysAgo(d),
                Kind = "auth",
                Action = $"test_{d}",
                Outcome = "success",
            })
        );
        await db.SaveChangesAsync();
    }

    private async Task<List<string>> ActionsAsync()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MosaicDbContext>();
        return await db.AuditLog.OrderBy(a => a.Id).Select(a => a.Action).ToListAsync();
    }

    [Fact]
    public async Task Prune_deletes_entries_older_than_the_retention_period_in_batches()
    {
        await SeedAsync([.. Enumerable.Repeat(400d, AuditRetention.BatchSize + 5), 31, 29, 0]);
        var deleted = await _app.Services.GetRequiredService<AuditRetention>().PruneAsync(CancellationToken.None);

        Assert.Equal(AuditRetention.BatchSize + 6, deleted);
        Assert.Equal(["test_29", "test_0"], await ActionsAsync());
    }

    [Fact]
    public async Task The_sweep_runs_shortly_after_start_and_then_every_hour()
    {
        await SeedAsync(45, 1);
        _clock.Advance(AuditRetention.FirstSweepAfter + TimeSpan.FromSeconds(1));
        await EventuallyAsync(async () => (await ActionsAsync()).SequenceEqual(["test_1"]), "the first sweep");

        // An entry that ages past 30 days goes at the next hourly sweep, not before.
        await SeedAsync(30 - 0.5 / 24); // 30 days less half an hour
        _clock.Advance(TimeSpan.FromMinutes(20));
        await Task.Delay(300);
        Assert.Equal(2, (await ActionsAsync()).Count);
        _clock.Advance(TimeSpan.FromMinutes(41));
        await EventuallyAsync(async () => (await ActionsAsync()).SequenceEqual(["test_1"]), "the hourly sweep");
    }

    [Theory]
    [InlineData("0")]
    [InlineData("forever")]
    public async Task A_retention_that_is_not_a_day_or_more_stops_start_up(string value)
    {
        await using var app = await MosaicAppFactory.StartNewAsync(f => f.Settings["AUDIT_RETENTION_DAYS"] = value);
        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());
        Assert.Contains("AUDIT_RETENTION_DAYS must be", error.ToString());
    }

    private static async Task EventuallyAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
                Assert.Fail($"Timed out waiting for {what}");
            await Task.Delay(50);
        }
    }
}
