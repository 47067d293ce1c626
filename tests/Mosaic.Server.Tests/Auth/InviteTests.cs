using System.Net;
using Microsoft.Extensions.Time.Testing;
using Mosaic.Server.Tests.Admin;

namespace Mosaic.Server.Tests.Auth;

/// <summary>Invitations: single use (even under a race), 7 days, revocable, bound to an address when it names one.</summary>
public sealed class InviteTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private MosaicAppFactory _app = null!;
    private TestUser _admin = null!;

    public async Task InitializeAsync()
    {
        _app = await MosaicAppFactory.StartNewAsync(f =>
        {
            f.Time = _time;
            f.Settings["MOSAIC_SIGNUP"] = "invite";
            f.Settings["JWT_ACCESS_TOKEN_EXPIRE_MINUTES"] = "43200"; // the admin stays signed in across the 7 days
        });
        _admin = await _app.SignInAsync();
    }

    public Task DisposeAsync() => _app.DisposeAsync();

    private static string NewEmail() => $"inv-{Guid.NewGuid():N}@example.com";

    [Fact]
    public async Task An_invitation_works_once_and_sets_the_role()
    {
        var (token, id) = await _admin.InviteAsync(role: "admin");
        var preview = await ProblemAssert.JsonAsync(await _app.CreateClient().GetAsync($"/api/auth/invites/{token}"));
        Assert.Equal("admin", preview.GetProperty("role").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, JsonValueKind(preview, "email"));

        var joined = await ProblemAssert.JsonAsync(await _app.CreateBrowser().JoinAsync(NewEmail(), token), HttpStatusCode.Created);
        Assert.Equal("admin", joined.GetProperty("user").GetProperty("role").GetString());

        var again = await ProblemAssert.IsProblemAsync(await _app.CreateBrowser().JoinAsync(NewEmail(), token), HttpStatusCode.Forbidden);
        Assert.Contains("cannot be used", again.GetProperty("detail").GetString());
        await ProblemAssert.IsProblemAsync(await _app.CreateClient().GetAsync($"/api/auth/invites/{token}"), HttpStatusCode.NotFound);

        var list = await ProblemAssert.JsonAsync(await _admin.Http.GetAsync("/api/admin/invites"));
        var row = list.GetProperty("invites").EnumerateArray().Single(i => i.GetProperty("id").GetString() == id);
        Assert.Equal("used", row.GetProperty("status").GetString());
        Assert.DoesNotContain(token, list.GetRawText());
        Assert.DoesNotContain(token, string.Join("|", await _app.Database.QueryStringsAsync("SELECT token_hash FROM invites")));

        var audit = await _app.AuditAsync();
        Assert.Contains(audit, a => a.Kind == "invite" && a.Action == "created" && a.Target == id && a.UserId == _admin.Id);
        Assert.Contains(audit, a => a.Kind == "invite" && a.Action == "used" && a.Target == id);
        Assert.Contains(audit, a => a.Kind == "auth" && a.Action == "signup" && a.Detail!.Contains("\"how\":\"invite\""));
    }

    [Fact]
    public async Task Two_sign_ups_racing_for_one_link_let_exactly_one_in()
    {
        var (token, _) = await _admin.InviteAsync();
        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => _app.CreateBrowser().JoinAsync(NewEmail(), token)));
        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Created);
        Assert.Equal(3, answers.Count(a => a.StatusCode == HttpStatusCode.Forbidden));
    }

    [Fact]
    public async Task An_invitation_expires_after_seven_days()
    {
        var (token, id) = await _admin.InviteAsync();
        _time.Advance(TimeSpan.FromDays(7) - TimeSpan.FromMinutes(1));
        await ProblemAssert.JsonAsync(await _app.CreateClient().GetAsync($"/api/auth/invites/{token}"));
        _time.Advance(TimeSpan.FromMinutes(2));
        await ProblemAssert.IsProblemAsync(await _app.CreateClient().GetAsync($"/api/auth/invites/{token}"), HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(await _app.CreateBrowser().JoinAsync(NewEmail(), token), HttpStatusCode.Forbidden);
        var list = await ProblemAssert.JsonAsync(await _admin.Http.GetAsync("/api/admin/invites"));
        Assert.Equal(
            "expired",
            list.GetProperty("invites")
                .EnumerateArray()
                .Single(i => i.GetProperty("id").GetString() == id)
                .GetProperty("status")
                .GetString()
        );
    }

    [Fact]
    public async Task A_revoked_invitation_is_refused()
    {
        var (token, id) = await _admin.InviteAsync();
        Assert.Equal(HttpStatusCode.NoContent, (await _admin.Http.DeleteAsync($"/api/admin/invites/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await _admin.Http.DeleteAsync($"/api/admin/invites/{id}")).StatusCode); // idempotent
        await ProblemAssert.IsProblemAsync(await _app.CreateClient().GetAsync($"/api/auth/invites/{token}"), HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(await _app.CreateBrowser().JoinAsync(NewEmail(), token), HttpStatusCode.Forbidden);
        var list = await ProblemAssert.JsonAsync(await _admin.Http.GetAsync("/api/admin/invites"));
        Assert.Equal(
            "revoked",
            list.GetProperty("invites")
                .EnumerateArray()
                .Single(i => i.GetProperty("id").GetString() == id)
                .GetProperty("status")
                .GetString()
        );
        Assert.Single(await _app.AuditAsync(), a => a.Kind == "invite" && a.Action == "revoked" && a.Target == id);
    }

    [Fact]
    public async Task An_invitation_for_an_address_admits_only_that_address()
    {
        var email = NewEmail();
        var (token, _) = await _admin.InviteAsync(email.ToUpperInvariant());
        var preview = await ProblemAssert.JsonAsync(await _app.CreateClient().GetAsync($"/api/auth/invites/{token}"));
        Assert.Equal(email, preview.GetProperty("email").GetString());

        var other = await ProblemAssert.IsProblemAsync(await _app.CreateBrowser().JoinAsync(NewEmail(), token), HttpStatusCode.Forbidden);
        Assert.Contains("another email address", other.GetProperty("detail").GetString());
        await ProblemAssert.JsonAsync(await _app.CreateBrowser().JoinAsync(email, token), HttpStatusCode.Created);
    }

    [Fact]
    public async Task A_used_invitation_cannot_be_revoked_and_the_url_uses_the_request_origin()
    {
        var body = await ProblemAssert.JsonAsync(
            await _admin.Http.PostAsync("/api/admin/invites", System.Net.Http.Json.JsonContent.Create(new { })),
            HttpStatusCode.Created
        );
        var url = new Uri(body.GetProperty("url").GetString()!);
        Assert.Equal(_admin.Http.BaseAddress!.Authority, url.Authority);
        Assert.Equal("/signup", url.AbsolutePath);
        Assert.Equal("member", body.GetProperty("role").GetString());
        Assert.Equal(_time.GetUtcNow().UtcDateTime.AddDays(7), body.GetProperty("expires_at").GetDateTime(), TimeSpan.FromSeconds(1));
        var token = url.Query["?invite=".Length..];
        Assert.Equal(43, token.Length); // 32 bytes, base64url without padding
        await ProblemAssert.JsonAsync(await _app.CreateBrowser().JoinAsync(NewEmail(), token), HttpStatusCode.Created);
        await ProblemAssert.IsProblemAsync(
            await _admin.Http.DeleteAsync($"/api/admin/invites/{body.GetProperty("id").GetString()}"),
            HttpStatusCode.Conflict
        );
    }

    private static System.Text.Json.JsonValueKind JsonValueKind(System.Text.Json.JsonElement e, string name) =>
        e.GetProperty(name).ValueKind;
}
