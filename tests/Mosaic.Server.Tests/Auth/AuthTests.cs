using System.Net;
using System.Net.Http.Json;

namespace Mosaic.Server.Tests.Auth;

public sealed class AuthTests(MosaicAppFactory app) : IClassFixture<MosaicAppFactory>
{
    [Fact]
    public async Task Signup_login_me_logout_and_the_old_token_is_refused()
    {
        var browser = app.CreateBrowser();
        var email = $"ada-{Guid.NewGuid():N}@Example.COM";

        var signup = await ProblemAssert.JsonAsync(
            await browser.SignupAsync(email, "a long enough passphrase", "Ada"),
            HttpStatusCode.Created
        );
        Assert.Equal("Account created", signup.GetProperty("message").GetString());
        Assert.Equal(email.ToLowerInvariant(), signup.GetProperty("user").GetProperty("email").GetString());
        Assert.False(signup.GetProperty("user").TryGetProperty("password_hash", out _));

        var login = await ProblemAssert.JsonAsync(await browser.LoginAsync(email.ToUpperInvariant(), "a long enough passphrase"));
        Assert.Equal("Login successful", login.GetProperty("message").GetString());
        var token = browser.Cookie("access_token");
        Assert.False(string.IsNullOrEmpty(token));

        var me = await ProblemAssert.JsonAsync(await browser.Http.GetAsync("/api/auth/me"));
        Assert.Equal(email.ToLowerInvariant(), me.GetProperty("email").GetString());
        Assert.Equal("Ada", me.GetProperty("name").GetString());

        var logout = await ProblemAssert.JsonAsync(await browser.Http.PostAsync("/api/auth/logout", null));
        Assert.Equal("Logged out successfully", logout.GetProperty("message").GetString());
        Assert.Null(browser.Cookie("access_token"));

        // Replay the exact token the browser held: the server must refuse it now.
        var replay = app.CreateClient();
        replay.DefaultRequestHeaders.Add("Cookie", $"access_token={token}");
        await ProblemAssert.IsProblemAsync(await replay.GetAsync("/api/auth/me"), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_session_cookie_is_http_only_and_lax()
    {
        var browser = app.CreateBrowser();
        var email = $"c-{Guid.NewGuid():N}@example.com";
        await browser.SignupAsync(email, "a long enough passphrase");
        var login = await browser.LoginAsync(email, "a long enough passphrase");
        var setCookie = login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("access_token=", StringComparison.Ordinal));
        Assert.Contains("httponly", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("expires=", setCookie, StringComparison.OrdinalIgnoreCase);
        var xsrf = login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("XSRF-TOKEN=", StringComparison.Ordinal));
        Assert.DoesNotContain("httponly", xsrf, StringComparison.OrdinalIgnoreCase); // the UI must read it
    }

    [Fact]
    public async Task Me_without_a_session_is_401_problem()
    {
        await ProblemAssert.IsProblemAsync(await app.CreateClient().GetAsync("/api/auth/me"), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_forged_token_is_refused()
    {
        var client = app.CreateClient();
        // Signed with another key: header.payload are valid base64url, the signature is not ours.
        const string forged =
            "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJ4IiwiaXNzIjoibW9zYWljIiwiYXVkIjoibW9zYWljIiwiZXhwIjo0MTAyNDQ0ODAwfQ."
            + "c2lnbmF0dXJlLW5vdC1vdXJzLXNpZ25hdHVyZS1ub3Qtb3Vycw";
        client.DefaultRequestHeaders.Add("Cookie", $"access_token={forged}");
        await ProblemAssert.IsProblemAsync(await client.GetAsync("/api/auth/me"), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Duplicate_email_is_409_whatever_the_case()
    {
        var email = $"dup-{Guid.NewGuid():N}@example.com";
        Assert.Equal(HttpStatusCode.Created, (await app.CreateBrowser().SignupAsync(email, "a long enough passphrase")).StatusCode);
        var again = await app.CreateBrowser().SignupAsync("  " + email.ToUpperInvariant() + " ", "another long passphrase");
        var problem = await ProblemAssert.IsProblemAsync(again, HttpStatusCode.Conflict);
        Assert.Contains("already exists", problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("short7!", "at least 8")]
    [InlineData("password123", "too common")]
    [InlineData("Qwerty123!", "too common")]
    public async Task Weak_passwords_are_refused_with_a_field_message(string password, string expected)
    {
        var response = await app.CreateBrowser().SignupAsync($"weak-{Guid.NewGuid():N}@example.com", password);
        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains(expected, ProblemAssert.FieldErrors(problem, "password").Single());
    }

    [Fact]
    public async Task Password_over_128_characters_and_bad_email_are_refused()
    {
        var response = await app.CreateBrowser().SignupAsync("not-an-email", new string('x', 129));
        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("at most 128", ProblemAssert.FieldErrors(problem, "password").Single());
        Assert.Contains("not a valid", ProblemAssert.FieldErrors(problem, "email").Single());
    }

    [Fact]
    public async Task Long_passwords_are_not_truncated()
    {
        // bcrypt alone reads 72 bytes: these two share their first 100 characters.
        var prefix = string.Concat(Enumerable.Repeat("abcdefghij", 10));
        var email = $"long-{Guid.NewGuid():N}@example.com";
        var browser = app.CreateBrowser();
        Assert.Equal(HttpStatusCode.Created, (await browser.SignupAsync(email, prefix + "-first")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.LoginAsync(email, prefix + "-other")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.LoginAsync(email, prefix + "-first")).StatusCode);
    }

    [Fact]
    public async Task Unknown_email_and_wrong_password_get_the_same_answer()
    {
        var user = await app.SignUpAndLogInAsync();
        var wrongPassword = await app.CreateBrowser().LoginAsync(user.Email, "not the password at all");
        var unknown = await app.CreateBrowser().LoginAsync($"nobody-{Guid.NewGuid():N}@example.com", "not the password at all");
        var a = await ProblemAssert.IsProblemAsync(wrongPassword, HttpStatusCode.Unauthorized);
        var b = await ProblemAssert.IsProblemAsync(unknown, HttpStatusCode.Unauthorized);
        Assert.Equal(a.GetProperty("detail").GetString(), b.GetProperty("detail").GetString());
        Assert.Equal(a.GetProperty("title").GetString(), b.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Login_keeps_last_and_previous_login()
    {
        var user = await app.SignUpAndLogInAsync(); // signup signs in, then one login
        var first = await ProblemAssert.JsonAsync(await user.Http.GetAsync("/api/auth/me"));
        var firstLogin = first.GetProperty("last_login").GetDateTime();

        await Task.Yield();
        var second = await ProblemAssert.JsonAsync(await user.Browser.LoginAsync(user.Email, user.Password));
        var u = second.GetProperty("user");
        Assert.Equal(firstLogin, u.GetProperty("previous_login").GetDateTime());
        Assert.True(u.GetProperty("last_login").GetDateTime() >= firstLogin);
    }

    [Fact]
    public async Task Logout_needs_a_session()
    {
        var response = await app.CreateClient().PostAsJsonAsync("/api/auth/logout", new { });
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized);
    }
}
