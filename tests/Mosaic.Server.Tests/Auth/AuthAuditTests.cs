using System.Net;
using Mosaic.Server.Tests.Admin;

namespace Mosaic.Server.Tests.Auth;

/// <summary>Sign-ins, failures, lockouts and sign-outs each leave an audit row with the actor, the IP and the request id.</summary>
public sealed class AuthAuditTests : IAsyncLifetime
{
    private MosaicAppFactory _app = null!;

    public async Task InitializeAsync() => _app = await MosaicAppFactory.StartNewAsync(f => f.Settings["RATE_LIMIT_ENABLED"] = "false");

    public Task DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task Login_failures_lockout_and_logout_are_audited()
    {
        var alice = await _app.SignInAsync();
        var stranger = _app.CreateBrowser();
        await stranger.LoginAsync("nobody@example.com", "whatever it is");
        for (var i = 0; i < 5; i++)
            await stranger.LoginAsync(alice.Email, "wrong password " + i);
        await stranger.LoginAsync(alice.Email, alice.Password); // locked now: refused, audited as such
        Assert.Equal(HttpStatusCode.OK, (await alice.Http.PostAsync("/api/auth/logout", null)).StatusCode);

        var audit = (await _app.AuditAsync()).Where(a => a.Kind == "auth").ToList();
        var signup = Assert.Single(audit, a => a.Action == "signup");
        Assert.Equal((alice.Id, alice.Email, "success"), (signup.UserId, signup.UserEmail, signup.Outcome));
        var login = Assert.Single(audit, a => a.Action == "login");
        Assert.Equal((alice.Id, "success"), (login.UserId, login.Outcome));

        var failures = audit.Where(a => a.Action == "login_failed").ToList();
        Assert.Equal(7, failures.Count);
        Assert.All(failures, f => Assert.Equal("denied", f.Outcome));
        Assert.Contains(failures, f => f.UserEmail == "nobody@example.com" && f.UserId == null && f.Detail!.Contains("unknown_email"));
        Assert.Equal(5, failures.Count(f => f.UserId == alice.Id && f.Detail!.Contains("wrong_password")));
        Assert.Single(failures, f => f.UserId == alice.Id && f.Detail!.Contains("\"locked\""));
        var locked = Assert.Single(audit, a => a.Action == "locked");
        Assert.Equal(alice.Id, locked.UserId);
        var logout = Assert.Single(audit, a => a.Action == "logout");
        Assert.Equal((alice.Id, alice.Email), (logout.UserId, logout.UserEmail));

        Assert.All(audit, a => Assert.False(string.IsNullOrEmpty(a.RequestId)));
        Assert.All(audit, a => Assert.DoesNotContain("wrong password", a.Detail ?? ""));
    }
}
