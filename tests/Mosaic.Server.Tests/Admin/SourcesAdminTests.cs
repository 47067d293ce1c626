using System.Net;
using System.Net.Http.Json;
using Mosaic.Server.Tests.Chat.Support;

namespace Mosaic.Server.Tests.Admin;

/// <summary>/api/admin/sources on the database MOSAIC_TEST_DB picks: access, validation, audit, and what members then see.</summary>
public sealed class SourcesAdminTests(MosaicAppFactory app) : IClassFixture<MosaicAppFactory>
{
    [Fact]
    public async Task Members_get_403_on_every_admin_source_route()
    {
        var member = await app.SignInAsync();
        var calls = new Func<HttpClient, Task<HttpResponseMessage>>[]
        {
            h => h.GetAsync("/api/admin/sources"),
            h => h.GetAsync("/api/admin/sources/jira"),
            h => h.PatchAsJsonAsync("/api/admin/sources/jira", new { enabled = false }),
            h => h.PutAsJsonAsync("/api/admin/sources/jira/credentials", new { credentials = new { api_token = "x" } }),
            h => h.DeleteAsync("/api/admin/sources/jira/credentials"),
        };
        foreach (var call in calls)
            Assert.Equal(HttpStatusCode.Forbidden, (await call(member.Http)).StatusCode);
        Assert.True((await member.DatasourceAsync("jira")) is not null); // nothing changed
    }

    [Fact]
    public async Task The_list_has_every_source_with_its_fields_and_no_secret()
    {
        var admin = await app.SignInAdminAsync();
        var list = await ProblemAssert.JsonAsync(await admin.Http.GetAsync("/api/admin/sources"));
        var jira = list.EnumerateArray().Single(s => s.GetProperty("id").GetString() == "jira");

        Assert.Equal(7, list.GetArrayLength());
        Assert.True(jira.GetProperty("built_in").GetBoolean());
        Assert.Equal("personal", jira.GetProperty("connection").GetString());
        var url = jira.GetProperty("fields").EnumerateArray().Single(f => f.GetProperty("name").GetString() == "url");
        Assert.True(url.GetProperty("fixable").GetBoolean());
        Assert.True(url.GetProperty("personal").GetBoolean());
        Assert.False(jira.GetProperty("tools_known").GetBoolean());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, jira.GetProperty("shared_identity").ValueKind);
    }

    [Fact]
    public async Task Bad_changes_are_400s_and_an_unknown_source_is_404()
    {
        var admin = await app.SignInAdminAsync();
        var bad = await admin.Http.PatchAsJsonAsync(
            "/api/admin/sources/jira",
            new
            {
                connection = "everyone",
                fixed_settings = new
                {
                    url = "not a url",
                    api_token = "secret",
                    nope = "x",
                },
            }
        );
        var problem = await ProblemAssert.IsProblemAsync(bad, HttpStatusCode.BadRequest);
        Assert.NotEmpty(ProblemAssert.FieldErrors(problem, "connection"));
        Assert.Contains("absolute http(s) URL", ProblemAssert.FieldErrors(problem, "fixed_settings.url")[0]);
        Assert.Contains("cannot be fixed", ProblemAssert.FieldErrors(problem, "fixed_settings.api_token")[0]);
        Assert.Contains("Unknown field", ProblemAssert.FieldErrors(problem, "fixed_settings.nope")[0]);

        var shared = await admin.Http.PutAsJsonAsync("/api/admin/sources/jira/credentials", new { credentials = new { url = "ftp://x" } });
        await ProblemAssert.IsProblemAsync(shared, HttpStatusCode.BadRequest);

        await ProblemAssert.IsProblemAsync(await admin.Http.GetAsync("/api/admin/sources/nope"), HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(
            await admin.Http.PatchAsJsonAsync("/api/admin/sources/nope", new { enabled = false }),
            HttpStatusCode.NotFound
        );
        await ProblemAssert.IsProblemAsync(await admin.Http.DeleteAsync("/api/admin/sources/jira/credentials"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_disabled_source_disappears_for_members_everywhere()
    {
        var admin = await app.SignInAdminAsync();
        var member = await app.SignInAsync();
        await member.Http.PostAsJsonAsync("/api/credentials", new { datasource = "github", credentials = new { token = "ghp_x" } });
        await admin.PatchSourceAsync("github", new { enabled = false });
        try
        {
            Assert.Null(await member.DatasourceAsync("github"));
            var agent = await ProblemAssert.JsonAsync(await member.Http.GetAsync("/api/agent/sources"));
            Assert.DoesNotContain(agent.EnumerateArray(), s => s.GetProperty("id").GetString() == "github");
            var detect = await ProblemAssert.JsonAsync(
                await member.Http.PostAsJsonAsync("/api/agent/detect-sources", new { query = "open pull requests on github" })
            );
            Assert.DoesNotContain("github", detect.ToString());

            await using var sse = await SseStream.OpenAsync(member.Http, new { message = "list my pull requests", datasource = "github" });
            var events = await sse.ReadToEndAsync();
            Assert.Equal("error", SseStream.Type(events[^1]));
            Assert.Contains("not available", events[^1].GetProperty("error").GetString());

            var save = await member.Http.PostAsJsonAsync(
                "/api/credentials",
                new { datasource = "github", credentials = new { token = "ghp_y" } }
            );
            await ProblemAssert.IsProblemAsync(save, HttpStatusCode.BadRequest);
        }
        finally
        {
            await admin.PatchSourceAsync("github", new { enabled = true });
        }
        Assert.NotNull(await member.DatasourceAsync("github"));
    }

    [Fact]
    public async Task Fixed_settings_hide_fields_from_members_and_refuse_their_values()
    {
        var admin = await app.SignInAdminAsync();
        var member = await app.SignInAsync();
        var updated = await admin.PatchSourceAsync("jira", new { fixed_settings = new { url = "https://jira.acme.example" } });
        try
        {
            Assert.Equal("https://jira.acme.example", updated.GetProperty("fixed_settings").GetProperty("url").GetString());
            var jira = (await member.DatasourceAsync("jira"))!.Value;
            Assert.DoesNotContain("url", AdminUsers.FieldNames(jira));
            Assert.Contains("api_token", AdminUsers.FieldNames(jira));

            var own = await member.Http.PostAsJsonAsync(
                "/api/credentials",
                new { datasource = "jira", credentials = new { url = "http://127.0.0.1:1", api_token = "t" } }
            );
            var problem = await ProblemAssert.IsProblemAsync(own, HttpStatusCode.BadRequest);
            Assert.Equal(["Your admin sets the Jira URL; leave it out."], ProblemAssert.FieldErrors(problem, "credentials.url"));

            // The fixed URL satisfies the required field: the member enters only their own token.
            await ProblemAssert.JsonAsync(
                await member.Http.PostAsJsonAsync("/api/credentials", new { datasource = "jira", credentials = new { api_token = "t" } })
            );
            Assert.True((await member.DatasourceAsync("jira"))!.Value.GetProperty("configured").GetBoolean());
        }
        finally
        {
            await admin.PatchSourceAsync("jira", new { fixed_settings = new { } });
        }
    }

    [Fact]
    public async Task A_shared_source_asks_members_for_nothing_and_refuses_their_credentials()
    {
        var admin = await app.SignInAdminAsync();
        var member = await app.SignInAsync();
        await admin.PatchSourceAsync("shopify", new { connection = "shared" });
        try
        {
            var shopify = (await member.DatasourceAsync("shopify"))!.Value;
            Assert.Equal("shared", shopify.GetProperty("connection").GetString());
            Assert.Empty(AdminUsers.FieldNames(shopify));
            Assert.False(shopify.GetProperty("configured").GetBoolean());

            var own = await member.Http.PostAsJsonAsync(
                "/api/credentials",
                new { datasource = "shopify", credentials = new { shop_url = "https://x.myshopify.com", access_token = "shpat_x" } }
            );
            var problem = await ProblemAssert.IsProblemAsync(own, HttpStatusCode.BadRequest);
            Assert.Contains("Your admin connects Shopify for everyone", problem.GetProperty("detail").GetString());

            await admin.SaveSharedAsync("shopify", new { shop_url = "https://acme.myshopify.com", access_token = "shpat_shared" });
            Assert.True((await member.DatasourceAsync("shopify"))!.Value.GetProperty("configured").GetBoolean());
            var view = await ProblemAssert.JsonAsync(await admin.Http.GetAsync("/api/admin/sources/shopify"));
            Assert.True(view.GetProperty("shared_configured").GetBoolean());
            Assert.DoesNotContain("shpat_shared", view.ToString());
        }
        finally
        {
            await admin.Http.DeleteAsync("/api/admin/sources/shopify/credentials");
            await admin.PatchSourceAsync("shopify", new { connection = "personal" });
        }
    }

    [Fact]
    public async Task Every_admin_change_is_audited_without_secret_values()
    {
        var admin = await app.SignInAdminAsync();
        await admin.PatchSourceAsync(
            "slack",
            new { always_ask_tools = new[] { "read_messages" }, fixed_settings = new { api_url = "https://slack.acme.example" } }
        );
        await admin.SaveSharedAsync("slack", new { bot_token = "xoxb-AUDIT-MUST-NOT-SEE" });
        await ProblemAssert.JsonAsync(await admin.Http.DeleteAsync("/api/admin/sources/slack/credentials"));
        await admin.PatchSourceAsync("slack", new { always_ask_tools = Array.Empty<string>(), fixed_settings = new { } });

        var row = app.Database.IsMariaDb
            ? "CONCAT(kind, '|', action, '|', target, '|', COALESCE(detail, ''))"
            : "kind || '|' || action || '|' || target || '|' || COALESCE(detail, '')";
        var rows = await app.Database.QueryStringsAsync(
            $"SELECT {row} FROM audit_log WHERE user_id = '{admin.Id}' AND kind IN ('admin', 'credential') ORDER BY id"
        );
        Assert.Equal(
            [
                "admin|source_updated|slack|fixed_settings: api_url; always_ask_tools: +read_messages",
                """credential|credentials_saved|workspace|{"fields":["bot_token"]}""",
                "credential|credentials_deleted|workspace|",
                "admin|source_updated|slack|fixed_settings: (none); always_ask_tools: -read_messages",
            ],
            rows
        );
        Assert.DoesNotContain("xoxb-AUDIT", string.Join("\n", rows));
    }
}
