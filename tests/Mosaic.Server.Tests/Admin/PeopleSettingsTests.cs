using Microsoft.EntityFrameworkCore;
using Mosaic.Server.Admin;
using Mosaic.Server.Configuration;

namespace Mosaic.Server.Tests.Admin;

/// <summary>The people settings stop start-up naming the variable; an upgraded install gets an admin at start.</summary>
public sealed class PeopleSettingsTests
{
    [Theory]
    [InlineData("MOSAIC_SIGNUP", "domain", "MOSAIC_SIGNUP=domain needs MOSAIC_SIGNUP_DOMAINS")]
    [InlineData("MOSAIC_SIGNUP", "everyone", "MOSAIC_SIGNUP must be one of open, invite, domain.")]
    [InlineData("MOSAIC_SIGNUP_DOMAINS", "https://acme.com/", "MOSAIC_SIGNUP_DOMAINS entries must be domain names")]
    [InlineData("MOSAIC_ADMIN_EMAILS", "boss", "MOSAIC_ADMIN_EMAILS entries must be email addresses (got 'boss').")]
    [InlineData("MOSAIC_INVITE_DAYS", "0", "MOSAIC_INVITE_DAYS must be between 1 and 90 (got 0).")]
    public async Task A_bad_value_stops_start_up_naming_the_variable(string variable, string value, string message)
    {
        await using var app = await MosaicAppFactory.StartNewAsync(f => f.Settings[variable] = value);
        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());
        Assert.Contains(message, error.ToString());
    }

    [Theory]
    [InlineData("development", null, "open")]
    [InlineData("staging", null, "invite")]
    [InlineData("production", null, "invite")]
    [InlineData("production", "Open", "open")]
    public void The_default_mode_is_open_only_in_development(string environment, string? signup, string expected) =>
        Assert.Equal(expected, new PeopleSettings { Signup = signup }.SignupMode(new MosaicSettings { Environment = environment }));

    [Fact]
    public async Task An_upgraded_install_without_an_admin_makes_its_oldest_account_admin_at_start()
    {
        await using var database = await TestDatabase.CreateAsync();
        string oldest,
            newer;
        await using (var before = MosaicAppFactory.On(database))
        {
            oldest = (await before.SignInAsync()).Id;
            newer = (await before.SignInAsync()).Id;
            // As an install from before roles: everyone a member.
            await before.DbAsync(db => db.Users.ExecuteUpdateAsync(u => u.SetProperty(x => x.Role, "member")));
        }
        await using var after = MosaicAppFactory.On(database);
        _ = after.Server;
        Assert.Equal("admin", await after.DbAsync(db => db.Users.Where(u => u.Id == oldest).Select(u => u.Role).SingleAsync()));
        Assert.Equal("member", await after.DbAsync(db => db.Users.Where(u => u.Id == newer).Select(u => u.Role).SingleAsync()));
        Assert.Contains(after.Logs.Lines, l => l.Contains("no admin") && l.Contains(oldest));
    }

    [Fact]
    public async Task Concurrent_first_sign_ups_make_exactly_one_admin()
    {
        await using var app = await MosaicAppFactory.StartNewAsync();
        var answers = await Task.WhenAll(
            Enumerable.Range(0, 6).Select(i => app.CreateBrowser().JoinAsync($"first-{i}-{Guid.NewGuid():N}@example.com", null))
        );
        Assert.All(answers, a => Assert.Equal(System.Net.HttpStatusCode.Created, a.StatusCode));
        Assert.Equal(1, await app.DbAsync(db => db.Users.CountAsync(u => u.Role == "admin")));
    }
}
