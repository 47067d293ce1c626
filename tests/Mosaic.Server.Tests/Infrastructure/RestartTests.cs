using System.Net;
using System.Net.Http.Json;

namespace Mosaic.Server.Tests.Infrastructure;

/// <summary>A restart on the same data dir keeps users, sessions and credentials (generated dev keys included).</summary>
public sealed class RestartTests : IAsyncLifetime
{
    private TestDatabase _db = null!;

    public async Task InitializeAsync() => _db = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task Users_sessions_credentials_and_logouts_survive_a_restart()
    {
        string? token,
            loggedOutToken,
            xsrf,
            antiforgery;
        TestUser user;
        await using (var first = MosaicAppFactory.On(_db))
        {
            user = await first.SignUpAndLogInAsync();
            await user.Http.PostAsJsonAsync(
                "/api/credentials",
                new { datasource = "github", credentials = new { token = "ghp_persisted" } }
            );
            token = user.Browser.Cookie("access_token");
            xsrf = user.Browser.Cookie("XSRF-TOKEN");
            antiforgery = user.Browser.Cookie("mosaic.antiforgery");
            var other = await first.SignUpAndLogInAsync();
            loggedOutToken = other.Browser.Cookie("access_token");
            Assert.Equal(HttpStatusCode.OK, (await other.Http.PostAsync("/api/auth/logout", null)).StatusCode);
        }
        Assert.True(File.Exists(Path.Combine(_db.DataDir, "secrets", "jwt.key")));
        if (!OperatingSystem.IsWindows())
            Assert.Equal(
                UnixFileMode.UserRead | UnixFileMode.UserWrite,
                File.GetUnixFileMode(Path.Combine(_db.DataDir, "secrets", "encryption.key"))
            );

        await using var second = MosaicAppFactory.On(_db);
        var client = second.CreateClient();
        client.DefaultRequestHeaders.Add("Cookie", $"access_token={token}; XSRF-TOKEN={xsrf}; mosaic.antiforgery={antiforgery}");
        var status = await ProblemAssert.JsonAsync(await client.GetAsync("/api/credentials/github/status"));
        Assert.True(status.GetProperty("configured").GetBoolean());

        // The XSRF token from before the restart still validates (keys are in the database).
        var delete = new HttpRequestMessage(HttpMethod.Delete, "/api/credentials/github");
        delete.Headers.Add("X-XSRF-TOKEN", xsrf);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(delete)).StatusCode);

        var revoked = second.CreateClient();
        revoked.DefaultRequestHeaders.Add("Cookie", $"access_token={loggedOutToken}");
        Assert.Equal(HttpStatusCode.Unauthorized, (await revoked.GetAsync("/api/auth/me")).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await second.CreateBrowser().LoginAsync(user.Email, user.Password)).StatusCode);
    }
}
