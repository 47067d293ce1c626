using Mosaic.Connectors.Tests.Infrastructure;
using static Mosaic.Connectors.Tests.Infrastructure.WhatsNewAssert;

namespace Mosaic.Connectors.Tests.Jira;

/// <summary>Jira's whats_new against the Sandbox's seeded ACME project, asked as its current user (Alice).</summary>
public sealed class JiraWhatsNewTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>, IAsyncLifetime
{
    public Task InitializeAsync() => sandbox.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Lists_changed_issues_under_their_most_actionable_reason_each_once()
    {
        await using var jira = await ConnectorProcess.StartAsync("Jira", sandbox.EnvFor("jira"));
        var (items, truncated) = await CallAsync(jira, DateTimeOffset.UtcNow.AddHours(-72));

        Assert.False(truncated);
        var reported = Single(items, "reported_issue", "ACME-141 ");
        Assert.Equal("jira-ACME-141", reported.Text("id"));
        Assert.Equal("high", reported.Text("priority")); // a High issue, though nothing asks the user to act
        Assert.False(reported.Actionable());
        Assert.Contains("reported by you", reported.Text("summary"));
        Assert.EndsWith("/browse/ACME-141", reported.Text("url"));
        var created = Single(items, "new_issue", "ACME-143 ");
        Assert.Equal("low", created.Text("priority"));
        Assert.Contains("unassigned", created.Text("summary"));
        Assert.Equal(items.Count, items.Select(i => i.Text("id")).Distinct().Count());
    }

    [Fact]
    public async Task A_longer_window_finds_more_and_a_limit_keeps_the_most_important()
    {
        await using var jira = await ConnectorProcess.StartAsync("Jira", sandbox.EnvFor("jira"));
        var (week, _) = await CallAsync(jira, DateTimeOffset.UtcNow.AddDays(-7));
        var (threeDays, _) = await CallAsync(jira, DateTimeOffset.UtcNow.AddHours(-72));
        Assert.True(week.Count > threeDays.Count, $"{week.Count} in a week, {threeDays.Count} in three days");

        var (one, truncated) = await CallAsync(jira, DateTimeOffset.UtcNow.AddDays(-7), limit: 1);
        Assert.True(truncated);
        var best = week.OrderByDescending(i => i.Actionable())
            .ThenBy(i =>
                i.Text("priority") switch
                {
                    "high" => 0,
                    "medium" => 1,
                    _ => 2,
                }
            )
            .First();
        Assert.Equal(best.Actionable(), Assert.Single(one).Actionable());
        Assert.Equal(best.Text("priority"), one[0].Text("priority"));
    }
}
