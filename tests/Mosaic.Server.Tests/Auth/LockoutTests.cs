using System.Net;
using Microsoft.Extensions.Time.Testing;

namespace Mosaic.Server.Tests.Auth;

/// <summary>5 failures lock the account for 15 minutes; the clock is fake, nothing sleeps.</summary>
public sealed class LockoutTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private MosaicAppFactory _app = null!;

    public async Task InitializeAsync() => _app = await MosaicAppFactory.StartNewAsync(f => f.Time = _time);

    public Task DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task Five_failures_lock_the_account_until_the_window_passes()
    {
        var user = await _app.SignUpAndLogInAsync();
        var browser = _app.CreateBrowser();
        for (var i = 0; i < 5; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await browser.LoginAsync(user.Email, "wrong password " + i)).StatusCode);

        // Locked: the right password is refused, with the same answer as a wrong one.
        var locked = await ProblemAssert.IsProblemAsync(await browser.LoginAsync(user.Email, user.Password), HttpStatusCode.Unauthorized);
        // The same answer as a wrong password, which states the rule so a locked-out person knows why and for how long.
        Assert.Equal("Invalid email or password. After 5 failed attempts in a row an account is locked for 15 minutes.", locked.GetProperty("detail").GetString());

        _time.Advance(TimeSpan.FromMinutes(14));
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.LoginAsync(user.Email, user.Password)).StatusCode);

        _time.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.OK, (await browser.LoginAsync(user.Email, user.Password)).StatusCode);
    }

    [Fact]
    public async Task A_success_resets_the_failure_count()
    {
        var user = await _app.SignUpAndLogInAsync();
        var browser = _app.CreateBrowser();
        for (var i = 0; i < 4; i++) await browser.LoginAsync(user.Email, "wrong password");
        Assert.Equal(HttpStatusCode.OK, (await browser.LoginAsync(user.Email, user.Password)).StatusCode);
        for (var i = 0; i < 4; i++) await browser.LoginAsync(user.Email, "wrong password");
        Assert.Equal(HttpStatusCode.OK, (await browser.LoginAsync(user.Email, user.Password)).StatusCode);
    }

    [Fact]
    public async Task The_session_expires_by_the_server_clock()
    {
        var user = await _app.SignUpAndLogInAsync();
        Assert.Equal(HttpStatusCode.OK, (await user.Http.GetAsync("/api/auth/me")).StatusCode);
        _time.Advance(TimeSpan.FromHours(24) + TimeSpan.FromMinutes(1));
        // The cookie's own expiry is in real time, so send the token explicitly to test the server's check.
        var token = user.Browser.Cookie("access_token");
        var client = _app.CreateClient();
        client.DefaultRequestHeaders.Add("Cookie", $"access_token={token}");
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/auth/me")).StatusCode);
    }
}
