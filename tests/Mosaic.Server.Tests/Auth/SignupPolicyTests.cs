using System.Net;
using Mosaic.Server.Tests.Admin;

namespace Mosaic.Server.Tests.Auth;

/// <summary>MOSAIC_SIGNUP open | invite | domain, and an admin changing it at run time.</summary>
public sealed class SignupPolicyTests : IAsyncLifetime
{
    private MosaicAppFactory _app = null!;

    public async Task InitializeAsync() =>
        _app = await MosaicAppFactory.StartNewAsync(f =>
        {
            f.Settings["MOSAIC_SIGNUP"] = "invite";
            f.Settings["MOSAIC_SIGNUP_DOMAINS"] = "acme.com";
        });

    public Task DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task In_invite_mode_the_first_account_may_join_then_only_invitations()
    {
        var policy = await ProblemAssert.JsonAsync(await _app.CreateClient().GetAsync("/api/auth/signup-policy"));
        Assert.Equal("invite", policy.GetProperty("signup").GetString());
        Assert.True(policy.GetProperty("invite_required").GetBoolean());

        var admin = await _app.SignInAsync(); // an empty workspace lets its first account in: someone has to invite
        Assert.Equal("admin", await admin.RoleAsync());
        var refused = await ProblemAssert.IsProblemAsync(
            await _app.CreateBrowser().JoinAsync($"x-{Guid.NewGuid():N}@acme.com", null),
            HttpStatusCode.Forbidden
        );
        Assert.Equal(
            "Sign-up on this workspace is by invitation: ask an admin for an invitation link.",
            refused.GetProperty("detail").GetString()
        );
    }

    [Fact]
    public async Task A_refusal_reads_the_same_whether_or_not_the_address_has_an_account()
    {
        var admin = await _app.SignInAsync();
        var refusedForExisting = await _app.CreateBrowser().JoinAsync(admin.Email, null);
        var refusedForNew = await _app.CreateBrowser().JoinAsync($"new-{Guid.NewGuid():N}@example.com", null);
        var a = await ProblemAssert.IsProblemAsync(refusedForExisting, HttpStatusCode.Forbidden);
        var b = await ProblemAssert.IsProblemAsync(refusedForNew, HttpStatusCode.Forbidden);
        Assert.Equal(a.GetProperty("detail").GetString(), b.GetProperty("detail").GetString());
        Assert.Equal(a.GetProperty("title").GetString(), b.GetProperty("title").GetString());

        // Domain mode too: an outside address gets one answer, registered or not.
        await ProblemAssert.JsonAsync(await admin.Http.PatchJsonAsync("/api/admin/workspace", new { signup = "domain" }));
        var c = await ProblemAssert.IsProblemAsync(await _app.CreateBrowser().JoinAsync(admin.Email, null), HttpStatusCode.Forbidden);
        var d = await ProblemAssert.IsProblemAsync(
            await _app.CreateBrowser().JoinAsync($"new-{Guid.NewGuid():N}@example.com", null),
            HttpStatusCode.Forbidden
        );
        Assert.Equal(c.GetProperty("detail").GetString(), d.GetProperty("detail").GetString());
        // A bad invitation, likewise.
        var e = await ProblemAssert.IsProblemAsync(await _app.CreateBrowser().JoinAsync(admin.Email, "forged"), HttpStatusCode.Forbidden);
        var f = await ProblemAssert.IsProblemAsync(
            await _app.CreateBrowser().JoinAsync("n@example.com", "forged"),
            HttpStatusCode.Forbidden
        );
        Assert.Equal(e.GetProperty("detail").GetString(), f.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task An_admin_changes_the_mode_at_run_time_and_it_wins_over_the_environment()
    {
        var admin = await _app.SignInAsync();
        var workspace = await ProblemAssert.JsonAsync(await admin.Http.GetAsync("/api/admin/workspace"));
        Assert.Equal("invite", workspace.GetProperty("signup").GetString());
        Assert.Equal("acme.com", workspace.GetProperty("signup_domains")[0].GetString());

        var changed = await ProblemAssert.JsonAsync(
            await admin.Http.PatchJsonAsync(
                "/api/admin/workspace",
                new { signup = "domain", signup_domains = new[] { "@Example.ORG", "acme.com" } }
            )
        );
        Assert.Equal(["example.org", "acme.com"], changed.GetProperty("signup_domains").EnumerateArray().Select(d => d.GetString()));
        var policy = await ProblemAssert.JsonAsync(await _app.CreateClient().GetAsync("/api/auth/signup-policy"));
        Assert.Equal("domain", policy.GetProperty("signup").GetString());
        Assert.False(policy.GetProperty("invite_required").GetBoolean());
        Assert.Equal(2, policy.GetProperty("signup_domains").GetArrayLength());

        var inDomain = await ProblemAssert.JsonAsync(
            await _app.CreateBrowser().JoinAsync($"ann-{Guid.NewGuid():N}@EXAMPLE.org", null),
            HttpStatusCode.Created
        );
        Assert.Equal("member", inDomain.GetProperty("user").GetProperty("role").GetString());
        // Only the exact domain: a subdomain or a look-alike is outside.
        await ProblemAssert.IsProblemAsync(await _app.CreateBrowser().JoinAsync("bo@mail.example.org", null), HttpStatusCode.Forbidden);
        await ProblemAssert.IsProblemAsync(await _app.CreateBrowser().JoinAsync("bo@example.org.evil.com", null), HttpStatusCode.Forbidden);

        await ProblemAssert.JsonAsync(await admin.Http.PatchJsonAsync("/api/admin/workspace", new { signup = "open" }));
        await ProblemAssert.JsonAsync(
            await _app.CreateBrowser().JoinAsync($"any-{Guid.NewGuid():N}@anywhere.net", null),
            HttpStatusCode.Created
        );

        var audit = (await _app.AuditAsync()).Where(a => a.Kind == "admin" && a.Action == "workspace_updated").ToList();
        Assert.Equal(2, audit.Count);
        Assert.All(audit, a => Assert.Equal("workspace", a.Target));
        Assert.All(audit, a => Assert.Equal(admin.Id, a.UserId));
        Assert.Contains("example.org", audit[0].Detail);
        var signups = (await _app.AuditAsync()).Where(a => a.Kind == "auth" && a.Action == "signup").Select(a => a.Detail).ToList();
        Assert.Contains(signups, d => d!.Contains("\"how\":\"domain\""));
        Assert.Contains(signups, d => d!.Contains("\"how\":\"open\""));
    }
}
