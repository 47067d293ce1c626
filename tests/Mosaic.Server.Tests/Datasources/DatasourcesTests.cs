using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Mosaic.Server.Connectors;
using Mosaic.Server.Datasources;
using Mosaic.Server.Sources;

namespace Mosaic.Server.Tests.Datasources;

public sealed class DatasourcesTests(MosaicAppFactory app) : IClassFixture<MosaicAppFactory>
{
    [Fact]
    public async Task Lists_the_seven_sources_with_fields_and_configured_per_user()
    {
        var user = await app.SignUpAndLogInAsync();
        await user.Http.PostAsJsonAsync("/api/credentials", new { datasource = "github", credentials = new { token = "ghp_abc" } });

        var list = await ProblemAssert.JsonAsync(await user.Http.GetAsync("/api/datasources"));
        var ids = list.EnumerateArray().Select(d => d.GetProperty("id").GetString()!).ToArray();
        Assert.Equal(["s3", "jira", "mysql", "slack", "github", "shopify", "google_workspace"], ids);

        var github = list.EnumerateArray().Single(d => d.GetProperty("id").GetString() == "github");
        Assert.True(github.GetProperty("configured").GetBoolean());
        Assert.True(github.GetProperty("enabled").GetBoolean());
        Assert.Equal("GitHub", github.GetProperty("name").GetString());
        var token = github.GetProperty("credential_fields").EnumerateArray().First();
        Assert.Equal(
            ("token", "password", true, "GITHUB_TOKEN"),
            (
                token.GetProperty("name").GetString(),
                token.GetProperty("type").GetString(),
                token.GetProperty("required").GetBoolean(),
                token.GetProperty("env_var").GetString()
            )
        );
        Assert.DoesNotContain("ghp_abc", list.GetRawText());
        Assert.False(list.EnumerateArray().Single(d => d.GetProperty("id").GetString() == "slack").GetProperty("configured").GetBoolean());

        var other = await app.SignUpAndLogInAsync();
        var theirs = await ProblemAssert.JsonAsync(await other.Http.GetAsync("/api/datasources"));
        Assert.All(theirs.EnumerateArray(), d => Assert.False(d.GetProperty("configured").GetBoolean()));
    }

    [Fact]
    public async Task Each_source_brings_its_badge_colours_and_example_questions()
    {
        var user = await app.SignUpAndLogInAsync();
        var list = await ProblemAssert.JsonAsync(await user.Http.GetAsync("/api/datasources"));
        JsonElement Source(string id) => list.EnumerateArray().Single(d => d.GetProperty("id").GetString() == id);

        // Tailwind's bg-fuchsia-600, and bg-zinc-800 with dark:bg-zinc-600, as the UI showed them.
        Assert.Equal("oklch(59.1% 0.293 322.896)", Source("slack").GetProperty("accent").GetString());
        Assert.Equal(JsonValueKind.Null, Source("slack").GetProperty("accent_dark").ValueKind);
        Assert.Equal(
            ("oklch(27.4% 0.006 286.033)", "oklch(44.2% 0.017 285.786)"),
            (Source("github").GetProperty("accent").GetString(), Source("github").GetProperty("accent_dark").GetString())
        );
        Assert.Equal(
            ["Show ticket ACME-142", "List open issues in project ACME", "Which projects are there?"],
            Source("jira").GetProperty("examples").EnumerateArray().Select(e => e.GetString())
        );
        Assert.All(list.EnumerateArray(), d =>
        {
            Assert.StartsWith("oklch(", d.GetProperty("accent").GetString());
            Assert.Equal(3, d.GetProperty("examples").GetArrayLength());
        });
        Assert.Equal(7, list.EnumerateArray().Select(d => d.GetProperty("accent").GetString()).Distinct().Count());

        var custom = new SourceDefinition
        {
            Id = "notes",
            Name = "Notes",
            Description = "test",
            Icon = "plug",
            Command = "notes",
        };
        var response = SourceEndpoints.ToResponse(custom, configured: false);
        Assert.Equal((null, null), (response.Accent, response.AccentDark));
        Assert.Equal(
            ["What can you do with this source?", "Give me an overview of what is available", "What changed recently?"],
            response.Examples
        );
    }

    [Fact]
    public async Task Needs_a_session()
    {
        await ProblemAssert.IsProblemAsync(await app.CreateClient().GetAsync("/api/datasources"), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public void Registry_matches_the_connector_contract()
    {
        var registry = app.Services.GetRequiredService<SourceRegistry>();
        var env = registry.All.ToDictionary(
            c => c.Id,
            c => c.CredentialFields.Select(f => $"{f.Name}{(f.Required ? "*" : "")}={f.EnvVar}").ToArray()
        );
        Assert.Equal(
            [
                "aws_access_key_id*=AWS_ACCESS_KEY_ID",
                "aws_secret_access_key*=AWS_SECRET_ACCESS_KEY",
                "aws_region=AWS_REGION",
                "endpoint_url=AWS_ENDPOINT_URL",
                "force_path_style=S3_FORCE_PATH_STYLE",
            ],
            env["s3"]
        );
        Assert.Equal(
            [
                "host=MYSQL_HOST",
                "port=MYSQL_PORT",
                "user=MYSQL_USER",
                "password=MYSQL_PASSWORD",
                "database=MYSQL_DATABASE",
                "ssl_mode=MYSQL_SSL_MODE",
                "sqlite_path=SQLITE_PATH",
            ],
            env["mysql"]
        );
        Assert.Equal(["token*=GITHUB_TOKEN", "api_url=GITHUB_API_URL"], env["github"]);
        Assert.Equal(
            ["bot_token*=SLACK_BOT_TOKEN", "user_token=SLACK_USER_TOKEN", "api_url=SLACK_API_URL", "default_channel="],
            env["slack"]
        );
        Assert.Equal(["url*=JIRA_URL", "email=JIRA_EMAIL", "api_token*=JIRA_API_TOKEN", "default_project="], env["jira"]);
        Assert.Equal(
            ["shop_url*=SHOPIFY_SHOP_URL", "access_token*=SHOPIFY_ACCESS_TOKEN", "api_version=SHOPIFY_API_VERSION"],
            env["shopify"]
        );
        Assert.Equal(
            [
                "client_id*=GOOGLE_OAUTH_CLIENT_ID",
                "client_secret*=GOOGLE_OAUTH_CLIENT_SECRET",
                "refresh_token*=GOOGLE_REFRESH_TOKEN",
                "access_token=GOOGLE_ACCESS_TOKEN", // written by a one-click connection only (docs/oauth.md)
                "api_base_url=GOOGLE_API_BASE_URL",
            ],
            env["google_workspace"]
        );
        Assert.All(registry.All, c => Assert.Equal($"Mosaic.Connectors.{c.Assembly!["Mosaic.Connectors.".Length..]}", c.Assembly));
        Assert.All(registry.All, c => Assert.NotEmpty(c.DirectRouting));

        var slack = registry.Find("slack")!;
        Assert.Equal(
            new Dictionary<string, string> { ["SLACK_BOT_TOKEN"] = "xoxb-1" },
            slack.ToEnvironment(new Dictionary<string, string> { ["bot_token"] = "xoxb-1", ["default_channel"] = "#x" })
        );
        Assert.Null(registry.Find("nosuch"));
    }

    [Fact]
    public void Custom_sources_can_be_appended_but_ids_stay_unique()
    {
        var custom = new SourceDefinition
        {
            Id = "everything",
            Name = "Everything",
            Description = "test server",
            Icon = "plug",
            Command = "mcp-server-everything",
            Args = ["stdio"],
        };
        var registry = new SourceRegistry([.. BuiltInSources.Definitions, custom]);
        Assert.Same(custom, registry.Find("everything"));
        Assert.False(custom.IsBuiltIn);
        Assert.Throws<InvalidOperationException>(() => new SourceRegistry([.. BuiltInSources.Definitions, custom with { Id = "slack" }]));
    }
}
