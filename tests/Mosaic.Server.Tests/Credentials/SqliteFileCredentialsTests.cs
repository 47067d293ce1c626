using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Mosaic.Connectors.MySql.Safety;
using Mosaic.Server.Connectors.Hub;
using Mosaic.Server.Credentials;

namespace Mosaic.Server.Tests.Credentials;

/// <summary>
/// Issue 11, "files only where the operator says": a MySQL source's sqlite_path is accepted only inside
/// MOSAIC_SQLITE_DIRS, as a real path, never in the data dir; every refusal is the same 400, whatever exists.
/// </summary>
public sealed class SqliteFileCredentialsTests(SqliteFilesApp app) : IClassFixture<SqliteFilesApp>
{
    private static object Mysql(object credentials) => new { datasource = "mysql", credentials };

    [Fact]
    public async Task A_file_inside_the_allowed_directory_is_saved_and_the_connector_reads_it()
    {
        var user = await app.SignUpAndLogInAsync();
        var shop = Path.Combine(app.Allowed, "shop.db");
        await ProblemAssert.JsonAsync(await user.Http.PostAsJsonAsync("/api/credentials", Mysql(new { sqlite_path = shop })));

        // The connector only starts when the host passed it MOSAIC_SQLITE_DIRS: a real process, a real file.
        var hub = app.Services.GetRequiredService<IMcpHub>();
        var result = await hub.CallToolAsync(user.Id, "mysql", "list_tables", null, CancellationToken.None);
        Assert.False(result.IsError, result.Text);
        Assert.Contains("products", result.Text);
    }

    [Fact]
    public async Task Refused_paths_get_one_400_answer_whether_or_not_the_file_exists()
    {
        var user = await app.SignUpAndLogInAsync();
        var attempts = new List<string>
        {
            Path.Combine(app.Allowed, "missing.db"), // does not exist
            Path.Combine(app.Outside, "other.db"), // exists, outside
            Path.Combine(app.Allowed, "escape.db"), // a link in the allowed directory pointing out
            Path.Combine(app.Allowed, "linked", "other.db"), // a linked directory pointing out
            Path.Combine(app.Allowed, "..", "outside", "other.db"),
            Path.Combine(app.Database.DataDir, "copy.db"), // the server's own data dir
            Path.Combine(app.Database.DataDir, "mosaic.db"),
            "shop.db", // relative
            app.Allowed, // a directory, not a file
            "/etc/passwd",
        };
        var answers = new HashSet<string>();
        foreach (var path in attempts)
        {
            var response = await user.Http.PostAsJsonAsync("/api/credentials", Mysql(new { sqlite_path = path }));
            var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
            var message = Assert.Single(ProblemAssert.FieldErrors(problem, "credentials.sqlite_path"));
            Assert.Contains("MOSAIC_SQLITE_DIRS", message);
            answers.Add(message.Replace($"'{path}'", "'…'", StringComparison.Ordinal));
        }
        Assert.Single(answers); // nothing in the answer says which of these exist
        await using var scope = app.Services.CreateAsyncScope();
        Assert.Null(await scope.ServiceProvider.GetRequiredService<CredentialVault>().GetAsync(user.Id, "mysql", default));
    }

    [Fact]
    public async Task A_path_saved_without_the_check_is_still_refused_by_the_connector()
    {
        // As if saved before this rule existed: the connector, given the host's settings, refuses to open it.
        var user = await app.SignUpAndLogInAsync();
        await using (var scope = app.Services.CreateAsyncScope())
            await scope
                .ServiceProvider.GetRequiredService<CredentialVault>()
                .SaveAsync(
                    user.Id,
                    "mysql",
                    new Dictionary<string, string> { ["sqlite_path"] = Path.Combine(app.Allowed, "escape.db") },
                    default
                );
        var hub = app.Services.GetRequiredService<IMcpHub>();
        string refusal;
        try
        {
            // Shared isolation: the process serves others, so the call's own credential scope refuses (an error result).
            var result = await hub.CallToolAsync(
                user.Id,
                "mysql",
                "execute_query",
                Args("""{"sql":"SELECT name FROM secrets"}"""),
                default
            );
            Assert.True(result.IsError, result.Text);
            Assert.Contains("SQLITE_PATH", result.Text);
            refusal = result.Text;
        }
        catch (McpHubException e)
        {
            // Process isolation: the user's own process refuses to start with it.
            Assert.Equal(McpHubFailure.StartFailed, e.Failure);
            refusal = e.Message;
        }
        Assert.DoesNotContain("row one", refusal);
    }

    [Fact]
    public async Task Only_the_mysql_connector_gets_the_operator_settings_as_real_paths()
    {
        var user = await app.SignUpAndLogInAsync();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var vault = scope.ServiceProvider.GetRequiredService<CredentialVault>();
            var shop = new Dictionary<string, string> { ["sqlite_path"] = Path.Combine(app.Allowed, "shop.db") };
            await vault.SaveAsync(user.Id, "mysql", shop, default);
            await vault.SaveAsync(user.Id, "slack", new Dictionary<string, string> { ["bot_token"] = "xoxb-1" }, default);
        }
        var resolver = app.Services.GetRequiredService<IConnectorLaunchResolver>();
        var mysql = Assert.IsType<StdioLaunchSpec>(await resolver.ResolveAsync(user.Id, "mysql", default));
        Assert.Equal(SqliteFilePolicy.RealPath(app.Allowed), mysql.Environment[SqliteFilePolicy.DirsVariable]);
        Assert.Equal(SqliteFilePolicy.RealPath(app.Database.DataDir), mysql.Environment[SqliteFilePolicy.DataDirVariable]);
        var slack = Assert.IsType<StdioLaunchSpec>(await resolver.ResolveAsync(user.Id, "slack", default));
        // The only MOSAIC_ variable another connector may get is the switch to per-call credentials (shared isolation).
        Assert.DoesNotContain(slack.Environment.Keys, k => k.StartsWith("MOSAIC_", StringComparison.Ordinal) && k != "MOSAIC_CREDENTIALS");
    }

    [Theory]
    [InlineData("mysql")]
    [InlineData("`MySQL`")]
    [InlineData("performance_schema")]
    [InlineData(" sys ")]
    public async Task A_system_schema_as_the_saved_database_is_refused(string database)
    {
        var user = await app.SignUpAndLogInAsync();
        var response = await user.Http.PostAsJsonAsync(
            "/api/credentials",
            Mysql(
                new
                {
                    host = "db.internal",
                    user = "u",
                    database,
                }
            )
        );
        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("system schema", Assert.Single(ProblemAssert.FieldErrors(problem, "credentials.database")));
    }

    private static Dictionary<string, JsonElement> Args(string json) => JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(json)!;
}
