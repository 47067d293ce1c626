using System.Net;
using System.Net.Http.Json;
using Mosaic.Server.Credentials;

namespace Mosaic.Server.Tests.Credentials;

public sealed class CredentialsTests(MosaicAppFactory app) : IClassFixture<MosaicAppFactory>
{
    private const string Secret = "xoxb-very-secret-bot-token-9f8e7d";

    private static object Slack(string token = Secret) =>
        new { datasource = "slack", credentials = new { bot_token = token, default_channel = "#checkout-eng" } };

    [Fact]
    public async Task Save_status_delete()
    {
        var user = await app.SignUpAndLogInAsync();
        Assert.False(
            (await ProblemAssert.JsonAsync(await user.Http.GetAsync("/api/credentials/slack/status")))
                .GetProperty("configured")
                .GetBoolean()
        );

        var saved = await ProblemAssert.JsonAsync(await user.Http.PostAsJsonAsync("/api/credentials", Slack()));
        Assert.Equal("Credentials saved", saved.GetProperty("message").GetString());
        var status = await ProblemAssert.JsonAsync(await user.Http.GetAsync("/api/credentials/slack/status"));
        Assert.True(status.GetProperty("configured").GetBoolean());
        Assert.DoesNotContain(Secret, status.GetRawText());

        var deleted = await ProblemAssert.JsonAsync(await user.Http.DeleteAsync("/api/credentials/slack"));
        Assert.Equal("Credentials deleted", deleted.GetProperty("message").GetString());
        Assert.False(
            (await ProblemAssert.JsonAsync(await user.Http.GetAsync("/api/credentials/slack/status")))
                .GetProperty("configured")
                .GetBoolean()
        );
        await ProblemAssert.IsProblemAsync(await user.Http.DeleteAsync("/api/credentials/slack"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_database_holds_ciphertext_and_the_vault_returns_the_fields()
    {
        var user = await app.SignUpAndLogInAsync();
        await user.Http.PostAsJsonAsync("/api/credentials", Slack());
        await user.Http.PostAsJsonAsync("/api/credentials", Slack(Secret + "-v2")); // replace, not duplicate

        var stored = await app.Database.QueryStringsAsync($"SELECT encrypted_data FROM credentials WHERE user_id = '{user.Id}'");
        var row = Assert.Single(stored);
        Assert.DoesNotContain("xoxb", row);
        Assert.DoesNotContain("checkout-eng", row);
        Assert.StartsWith("v1.", row);

        await using var scope = app.Services.CreateAsyncScope();
        var fields = await scope.ServiceProvider.GetRequiredService<CredentialVault>().GetAsync(user.Id, "slack", default);
        Assert.NotNull(fields);
        Assert.Equal(Secret + "-v2", fields["bot_token"]);
        Assert.Equal("#checkout-eng", fields["default_channel"]);
        Assert.Null(await scope.ServiceProvider.GetRequiredService<CredentialVault>().GetAsync(user.Id, "github", default));
    }

    [Fact]
    public async Task One_user_never_sees_changes_or_deletes_anothers_credentials()
    {
        var alice = await app.SignUpAndLogInAsync();
        var bob = await app.SignUpAndLogInAsync();
        await alice.Http.PostAsJsonAsync("/api/credentials", Slack());

        Assert.False(
            (await ProblemAssert.JsonAsync(await bob.Http.GetAsync("/api/credentials/slack/status"))).GetProperty("configured").GetBoolean()
        );
        await ProblemAssert.IsProblemAsync(await bob.Http.DeleteAsync("/api/credentials/slack"), HttpStatusCode.NotFound);
        await bob.Http.PostAsJsonAsync("/api/credentials", Slack("xoxb-bobs-own-token"));

        await using var scope = app.Services.CreateAsyncScope();
        var vault = scope.ServiceProvider.GetRequiredService<CredentialVault>();
        Assert.Equal(Secret, (await vault.GetAsync(alice.Id, "slack", default))!["bot_token"]);
        Assert.Equal("xoxb-bobs-own-token", (await vault.GetAsync(bob.Id, "slack", default))!["bot_token"]);
        var datasources = await ProblemAssert.JsonAsync(await alice.Http.GetAsync("/api/datasources"));
        Assert.DoesNotContain("bobs-own", datasources.GetRawText());
    }

    [Fact]
    public async Task A_ciphertext_moved_to_another_user_does_not_decrypt()
    {
        var alice = await app.SignUpAndLogInAsync();
        await alice.Http.PostAsJsonAsync("/api/credentials", Slack());
        var encryptor = app.Services.GetRequiredService<CredentialEncryptor>();
        var stored = Assert.Single(
            await app.Database.QueryStringsAsync($"SELECT encrypted_data FROM credentials WHERE user_id = '{alice.Id}'")
        );
        Assert.Throws<CredentialDecryptionException>(() => encryptor.Decrypt(stored, "someone-else", "slack"));
        Assert.Throws<CredentialDecryptionException>(() => encryptor.Decrypt(stored, alice.Id, "github"));
    }

    [Fact]
    public async Task Unknown_and_missing_fields_are_named()
    {
        var user = await app.SignUpAndLogInAsync();
        var response = await user.Http.PostAsJsonAsync(
            "/api/credentials",
            new { datasource = "jira", credentials = new { url = "https://acme.atlassian.net", tokn = "typo" } }
        );
        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("Unknown field", ProblemAssert.FieldErrors(problem, "credentials.tokn").Single());
        Assert.Contains("required", ProblemAssert.FieldErrors(problem, "credentials.api_token").Single());
    }

    [Theory]
    [InlineData("github", """{"token":"ghp_x","api_url":"not a url"}""", "credentials.api_url")]
    [InlineData("mysql", """{"host":"db","user":"u","database":"d","port":"33o6"}""", "credentials.port")]
    [InlineData(
        "s3",
        """{"aws_access_key_id":"a","aws_secret_access_key":"b","force_path_style":"maybe"}""",
        "credentials.force_path_style"
    )]
    [InlineData("mysql", """{"host":"db","user":"u"}""", "credentials")]
    [InlineData("nosuch", """{"x":"y"}""", "datasource")]
    public async Task Field_types_and_cross_field_rules_are_checked(string datasource, string credentialsJson, string errorKey)
    {
        var user = await app.SignUpAndLogInAsync();
        var body = $$"""{"datasource":"{{datasource}}","credentials":{{credentialsJson}}}""";
        var response = await user.Http.PostAsync(
            "/api/credentials",
            new StringContent(body, System.Text.Encoding.UTF8, "application/json")
        );
        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.NotEmpty(ProblemAssert.FieldErrors(problem, errorKey));
    }

    [Fact]
    public async Task Mysql_accepts_a_server_and_typed_values_but_no_sqlite_file_unless_the_operator_allows_files()
    {
        var user = await app.SignUpAndLogInAsync();
        var server = """{"datasource":"mysql","credentials":{"host":"db","user":"u","database":"d","port":3306,"password":"pw"}}""";
        Assert.Equal(
            HttpStatusCode.OK,
            (
                await user.Http.PostAsync("/api/credentials", new StringContent(server, System.Text.Encoding.UTF8, "application/json"))
            ).StatusCode
        );
        // MOSAIC_SQLITE_DIRS is empty by default (SqliteFileCredentialsTests has a server that sets it).
        var file = """{"datasource":"mysql","credentials":{"sqlite_path":"/data/shop.db"}}""";
        var body = new StringContent(file, System.Text.Encoding.UTF8, "application/json");
        var response = await user.Http.PostAsync("/api/credentials", body);
        var refused = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains(
            "the operator must list the directories that may hold them in MOSAIC_SQLITE_DIRS",
            Assert.Single(ProblemAssert.FieldErrors(refused, "credentials.sqlite_path"))
        );
        var s3 = """{"datasource":"s3","credentials":{"aws_access_key_id":"a","aws_secret_access_key":"b","force_path_style":true}}""";
        Assert.Equal(
            HttpStatusCode.OK,
            (await user.Http.PostAsync("/api/credentials", new StringContent(s3, System.Text.Encoding.UTF8, "application/json"))).StatusCode
        );

        await using var scope = app.Services.CreateAsyncScope();
        var vault = scope.ServiceProvider.GetRequiredService<CredentialVault>();
        Assert.Equal("true", (await vault.GetAsync(user.Id, "s3", default))!["force_path_style"]);
        Assert.Equal(["host", "user", "database", "port", "password"], (await vault.GetAsync(user.Id, "mysql", default))!.Keys);
    }

    [Fact]
    public async Task Unknown_datasource_in_the_path_is_404()
    {
        var user = await app.SignUpAndLogInAsync();
        await ProblemAssert.IsProblemAsync(await user.Http.GetAsync("/api/credentials/nosuch/status"), HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(await user.Http.DeleteAsync("/api/credentials/nosuch"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Subscribers_hear_about_saves_and_deletes()
    {
        var user = await app.SignUpAndLogInAsync();
        var changes = new List<CredentialChange>();
        var notifier = app.Services.GetRequiredService<ICredentialChangeNotifier>();
        void OnChange(CredentialChange c)
        {
            if (c.UserId == user.Id)
                lock (changes)
                    changes.Add(c);
        }
        notifier.Changed += OnChange;
        try
        {
            await user.Http.PostAsJsonAsync("/api/credentials", Slack());
            await user.Http.DeleteAsync("/api/credentials/slack");
        }
        finally
        {
            notifier.Changed -= OnChange;
        }
        Assert.Equal([CredentialChangeKind.Saved, CredentialChangeKind.Deleted], changes.Select(c => c.Kind));
        Assert.All(changes, c => Assert.Equal("slack", c.Datasource));
    }

    [Fact]
    public async Task Credentials_need_a_session()
    {
        await ProblemAssert.IsProblemAsync(
            await app.CreateClient().PostAsJsonAsync("/api/credentials", Slack()),
            HttpStatusCode.Unauthorized
        );
    }
}
