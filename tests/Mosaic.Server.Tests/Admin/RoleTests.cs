using System.Net;

namespace Mosaic.Server.Tests.Admin;

/// <summary>Who is an admin: the first account, MOSAIC_ADMIN_EMAILS, promotions; the last admin always stays.</summary>
public sealed class RoleTests : IAsyncLifetime
{
    private MosaicAppFactory _app = null!;

    public async Task InitializeAsync() =>
        _app = await MosaicAppFactory.StartNewAsync(f => f.Settings["MOSAIC_ADMIN_EMAILS"] = " Boss@Acme.com ");

    public Task DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task The_first_account_is_admin_the_second_a_member_and_a_listed_address_an_admin()
    {
        var first = await _app.SignInAsync();
        var second = await _app.SignInAsync();
        var boss = await _app.SignInAsync("boss@acme.com");
        Assert.Equal("admin", await first.RoleAsync());
        Assert.Equal("member", await second.RoleAsync());
        Assert.Equal("admin", await boss.RoleAsync());
        var login = await ProblemAssert.JsonAsync(await second.Browser.LoginAsync(second.Email, second.Password));
        Assert.Equal("member", login.GetProperty("user").GetProperty("role").GetString());
    }

    [Fact]
    public async Task Admins_promote_and_demote_but_never_the_last_enabled_admin()
    {
        var admin = await _app.SignInAsync();
        var member = await _app.SignInAsync();

        var demoteSelf = await ProblemAssert.IsProblemAsync(
            await admin.Http.PatchJsonAsync($"/api/admin/users/{admin.Id}", new { role = "member" }),
            HttpStatusCode.Conflict
        );
        Assert.Contains("last enabled admin", demoteSelf.GetProperty("detail").GetString());
        await ProblemAssert.IsProblemAsync(
            await admin.Http.PatchJsonAsync($"/api/admin/users/{admin.Id}", new { disabled = true }),
            HttpStatusCode.Conflict
        );
        await ProblemAssert.IsProblemAsync(await admin.Http.DeleteAsync($"/api/admin/users/{admin.Id}"), HttpStatusCode.Conflict);

        var promoted = await ProblemAssert.JsonAsync(
            await admin.Http.PatchJsonAsync($"/api/admin/users/{member.Id}", new { role = "admin" })
        );
        Assert.Equal("admin", promoted.GetProperty("role").GetString());
        Assert.Equal(HttpStatusCode.OK, (await member.Http.GetAsync("/api/admin/users")).StatusCode);

        // Two admins now: the first may step down, and then the other is the last one.
        var demoted = await ProblemAssert.JsonAsync(
            await member.Http.PatchJsonAsync($"/api/admin/users/{admin.Id}", new { role = "member" })
        );
        Assert.Equal("member", demoted.GetProperty("role").GetString());
        await ProblemAssert.IsProblemAsync(await admin.Http.GetAsync("/api/admin/users"), HttpStatusCode.Forbidden);
        await ProblemAssert.IsProblemAsync(
            await member.Http.PatchJsonAsync($"/api/admin/users/{member.Id}", new { role = "member" }),
            HttpStatusCode.Conflict
        );
        var selfDelete = await ProblemAssert.IsProblemAsync(
            await member.Http.DeleteAsync($"/api/admin/users/{member.Id}"),
            HttpStatusCode.Conflict
        );
        Assert.Contains("your own account", selfDelete.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Two_admins_demoting_each_other_at_once_leave_one_admin()
    {
        var a = await _app.SignInAsync();
        var b = await _app.SignInAsync();
        await ProblemAssert.JsonAsync(await a.Http.PatchJsonAsync($"/api/admin/users/{b.Id}", new { role = "admin" }));
        var admins = await _app.DbAsync(db => Task.FromResult(db.Users.Count(u => u.Role == "admin")));

        var both = await Task.WhenAll(
            a.Http.PatchJsonAsync($"/api/admin/users/{b.Id}", new { role = "member" }),
            b.Http.PatchJsonAsync($"/api/admin/users/{a.Id}", new { role = "member" })
        );
        Assert.Single(both, r => r.StatusCode == HttpStatusCode.OK);
        Assert.Equal(admins - 1, await _app.DbAsync(db => Task.FromResult(db.Users.Count(u => u.Role == "admin"))));
    }

    [Fact]
    public async Task A_listed_admin_cannot_be_demoted_in_the_app()
    {
        var admin = await _app.SignInAsync();
        var other = await _app.SignInAsync($"boss-{Guid.NewGuid():N}@acme.com");
        Assert.Equal("member", await other.RoleAsync()); // only the exact listed address is an admin
        var boss = await _app.SignInAsync("boss@acme.com");
        var refused = await ProblemAssert.IsProblemAsync(
            await admin.Http.PatchJsonAsync($"/api/admin/users/{boss.Id}", new { role = "member" }),
            HttpStatusCode.Conflict
        );
        Assert.Contains("MOSAIC_ADMIN_EMAILS", refused.GetProperty("detail").GetString());
    }
}
