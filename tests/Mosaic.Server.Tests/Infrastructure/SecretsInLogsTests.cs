using System.Net.Http.Json;

namespace Mosaic.Server.Tests.Infrastructure;

public sealed class SecretsInLogsTests(MosaicAppFactory app) : IClassFixture<MosaicAppFactory>
{
    [Fact]
    public async Task Passwords_tokens_and_credential_values_never_reach_the_logs()
    {
        const string password = "Zebra-Lantern-Quartz-4471";
        const string secret = "xoxb-LOGS-MUST-NOT-SEE-THIS";
        var user = await app.SignUpAndLogInAsync(password: password);
        await user.Browser.LoginAsync(user.Email, "Wrong-Password-Also-Secret");
        await user.Http.PostAsJsonAsync("/api/credentials", new { datasource = "slack", credentials = new { bot_token = secret } });
        await user.Http.PostAsJsonAsync(
            "/api/credentials",
            new { datasource = "slack", credentials = new { bot_token = secret, bogus = secret } }
        );
        await user.Http.GetAsync("/api/datasources");
        await user.Http.PostAsync("/api/auth/logout", null);

        var logs = app.Logs.All;
        Assert.Contains("Credentials saved", logs); // the logs did capture this flow
        Assert.DoesNotContain(password, logs);
        Assert.DoesNotContain("Wrong-Password-Also-Secret", logs);
        Assert.DoesNotContain(secret, logs);
        Assert.DoesNotContain(user.Browser.Cookie("XSRF-TOKEN") ?? "<none>", logs);
        var jwt = user.Browser.Cookie("access_token");
        if (jwt is not null)
            Assert.DoesNotContain(jwt, logs);
    }
}
