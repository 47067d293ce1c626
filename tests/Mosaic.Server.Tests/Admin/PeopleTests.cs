using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Mosaic.Server.Tests.Admin;

/// <summary>/api/admin/users on one server: the list, unlock, sign out everywhere, delete, and their audit rows.</summary>
public sealed class PeopleTests : IAsyncLifetime
{
    // Three tenths into a second: a sign-out and a new sign-in in the same second of the token's iat.
    private readonly FakeTimeProvider _time = new(
        DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()).AddMilliseconds(300)
    );
    private MosaicAppFactory _app = null!;
    private TestUser _admin = null!;

    public async Task InitializeAsync()
    {
        _app = await MosaicAppFactory.StartNewAsync(f =>
        {
            f.Time = _time;
            f.Settings["MOSAIC_CONNECTORS_FILE"] = EverythingSource.ConnectorsFile();
        });
        _admin = await _app.SignInAsync();
    }

    public Task DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task The_list_shows_roles_locks_and_connected_sources_and_unlock_clears_a_lock()
    {
        var alice = await _app.SignInAsync();
        await alice.SaveTokenAsync();
        for (var i = 0; i < 5; i++)
            await _app.CreateBrowser().LoginAsync(alice.Email, "wrong password");

        var users = await ProblemAssert.JsonAsync(await _admin.Http.GetAsync("/api/admin/users"));
        var row = users.User(alice.Id);
        Assert.Equal(alice.Email, row.GetProperty("email").GetString());
        Assert.Equal("member", row.GetProperty("role").GetString());
        Assert.True(row.GetProperty("locked").GetBoolean());
        Assert.Equal(System.Text.Json.JsonValueKind.String, JsonValueKindOf(row, "locked_until"));
        Assert.False(row.GetProperty("disabled").GetBoolean());
        Assert.Equal(["everything"], row.GetProperty("sources_connected").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal("admin", users.User(_admin.Id).GetProperty("role").GetString());
        Assert.Empty(users.User(_admin.Id).GetProperty("sources_connected").EnumerateArray());
        Assert.DoesNotContain("password", users.GetRawText());

        var unlocked = await ProblemAssert.JsonAsync(await _admin.Http.PostAsync($"/api/admin/users/{alice.Id}/unlock", null));
        Assert.False(unlocked.GetProperty("locked").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, (await _app.CreateBrowser().LoginAsync(alice.Email, alice.Password)).StatusCode);
        Assert.Single(await _app.AuditAsync(), a => a.Kind == "admin" && a.Action == "user_unlocked" && a.Target == alice.Id);
    }

    [Fact]
    public async Task Sign_out_everywhere_ends_every_session_even_one_from_the_same_second_but_not_a_later_sign_in()
    {
        var alice = await _app.SignInAsync();
        var laptop = _app.CreateBrowser();
        await laptop.LoginAsync(alice.Email, alice.Password);
        Assert.Equal(HttpStatusCode.OK, (await laptop.Http.GetAsync("/api/auth/me")).StatusCode);

        await ProblemAssert.JsonAsync(await _admin.Http.PostAsync($"/api/admin/users/{alice.Id}/sign-out", null));
        await ProblemAssert.IsProblemAsync(await alice.Http.GetAsync("/api/auth/me"), HttpStatusCode.Unauthorized);
        await ProblemAssert.IsProblemAsync(await laptop.Http.GetAsync("/api/auth/me"), HttpStatusCode.Unauthorized);

        // Same instant, so the same second as the cut-off: the new session must count.
        var again = _app.CreateBrowser();
        Assert.Equal(HttpStatusCode.OK, (await again.LoginAsync(alice.Email, alice.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await again.Http.GetAsync("/api/auth/me")).StatusCode);
        var entry = Assert.Single(await _app.AuditAsync(), a => a.Action == "user_signed_out");
        Assert.Equal(("admin", alice.Id, _admin.Id, _admin.Email), (entry.Kind, entry.Target, entry.UserId, entry.UserEmail));
    }

    [Fact]
    public async Task Delete_removes_the_account_and_its_credentials()
    {
        var alice = await _app.SignInAsync();
        await alice.SaveTokenAsync();
        Assert.Equal(1, await _app.DbAsync(db => db.Credentials.CountAsync(c => c.UserId == alice.Id)));

        Assert.Equal(HttpStatusCode.NoContent, (await _admin.Http.DeleteAsync($"/api/admin/users/{alice.Id}")).StatusCode);
        Assert.Equal(0, await _app.DbAsync(db => db.Credentials.CountAsync(c => c.UserId == alice.Id)));
        Assert.False(await _app.DbAsync(db => db.Users.AnyAsync(u => u.Id == alice.Id)));
        await ProblemAssert.IsProblemAsync(await alice.Http.GetAsync("/api/auth/me"), HttpStatusCode.Unauthorized);
        await ProblemAssert.IsProblemAsync(await _admin.Http.DeleteAsync($"/api/admin/users/{alice.Id}"), HttpStatusCode.NotFound);
        var entry = Assert.Single(await _app.AuditAsync(), a => a.Action == "user_deleted");
        Assert.Equal(alice.Id, entry.Target);
        Assert.Contains(alice.Email, entry.Detail);
    }

    [Fact]
    public async Task A_disabled_account_cannot_sign_in_and_gets_the_usual_answer()
    {
        var alice = await _app.SignInAsync();
        var disabled = await ProblemAssert.JsonAsync(
            await _admin.Http.PatchJsonAsync($"/api/admin/users/{alice.Id}", new { disabled = true })
        );
        Assert.True(disabled.GetProperty("disabled").GetBoolean());
        var wrong = await ProblemAssert.IsProblemAsync(
            await _app.CreateBrowser().LoginAsync(alice.Email, "wrong"),
            HttpStatusCode.Unauthorized
        );
        var right = await ProblemAssert.IsProblemAsync(
            await _app.CreateBrowser().LoginAsync(alice.Email, alice.Password),
            HttpStatusCode.Unauthorized
        );
        Assert.Equal(wrong.GetProperty("detail").GetString(), right.GetProperty("detail").GetString());

        // Enabled again: a new sign-in works, the session from before stays ended.
        _time.Advance(TimeSpan.FromSeconds(2));
        await ProblemAssert.JsonAsync(await _admin.Http.PatchJsonAsync($"/api/admin/users/{alice.Id}", new { disabled = false }));
        await ProblemAssert.IsProblemAsync(await alice.Http.GetAsync("/api/auth/me"), HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.OK, (await _app.CreateBrowser().LoginAsync(alice.Email, alice.Password)).StatusCode);
        var actions = (await _app.AuditAsync()).Where(a => a.Kind == "admin").Select(a => a.Action).ToList();
        Assert.Equal(["user_disabled", "user_enabled"], actions);
    }

    private static System.Text.Json.JsonValueKind JsonValueKindOf(System.Text.Json.JsonElement e, string name) =>
        e.GetProperty(name).ValueKind;
}
