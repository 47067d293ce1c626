using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Mosaic.Server.Connectors.Hub;
using Mosaic.Server.Data;
using Mosaic.Server.Tests.Admin;

namespace Mosaic.Server.Tests.Datasources;

/// <summary>
/// POST /api/datasources/{id}/test against the Sandbox's Slack: saved credentials, credentials about to be saved, bad input.
/// </summary>
public sealed class SourceTestTests(SourceTestFixture fx) : IClassFixture<SourceTestFixture>
{
    private static Task<HttpResponseMessage> TestAsync(TestUser user, string id, object? body = null) =>
        body is null
            ? user.Http.PostAsync($"/api/datasources/{id}/test", null)
            : user.Http.PostAsJsonAsync($"/api/datasources/{id}/test", body);

    private static async Task<JsonElement> SourceAsync(TestUser user, string id) =>
        (await ProblemAssert.JsonAsync(await user.Http.GetAsync("/api/datasources")))
            .EnumerateArray()
            .Single(d => d.GetProperty("id").GetString() == id);

    [Fact]
    public async Task Saved_credentials_test_as_Alice_Chen_and_the_list_shows_it_to_that_user_only()
    {
        var user = await fx.App.SignUpAndLogInAsync();
        await SourceTestFixture.SaveAsync(user, "slack", fx.SlackFields());
        Assert.Equal(JsonValueKind.Null, (await SourceAsync(user, "slack")).GetProperty("identity").ValueKind);

        var test = await ProblemAssert.JsonAsync(await TestAsync(user, "slack"));

        Assert.True(test.GetProperty("success").GetBoolean(), test.ToString());
        Assert.Equal("Alice Chen (@alice) in Acme", test.GetProperty("identity").GetString());
        Assert.Equal("Connected to Slack as Alice Chen (@alice) in Acme.", test.GetProperty("message").GetString());
        Assert.True(test.GetProperty("duration_ms").GetDouble() > 0);
        Assert.Equal("Alice Chen (@alice) in Acme", (await SourceAsync(user, "slack")).GetProperty("identity").GetString());

        // The row holds the line and the account the digest uses, and when they were checked.
        using (var scope = fx.App.Services.CreateScope())
        {
            var row = await scope
                .ServiceProvider.GetRequiredService<MosaicDbContext>()
                .Credentials.SingleAsync(c => c.UserId == user.Id && c.Datasource == "slack");
            Assert.Equal("""{"identity":"Alice Chen (@alice) in Acme","account":"U0ALICE01"}""", row.Identity);
            Assert.NotNull(row.IdentityCheckedAt);
            await AssertOneWhoamiAuditedAsync(scope, user.Id, "success");
        }

        var other = await fx.App.SignUpAndLogInAsync();
        Assert.Equal(JsonValueKind.Null, (await SourceAsync(other, "slack")).GetProperty("identity").ValueKind);
        await ProblemAssert.IsProblemAsync(await TestAsync(other, "slack"), HttpStatusCode.BadRequest);

        // New credentials may be someone else's: who they act as is unknown until tested again.
        await SourceTestFixture.SaveAsync(user, "slack", fx.SlackFields());
        Assert.Equal(JsonValueKind.Null, (await SourceAsync(user, "slack")).GetProperty("identity").ValueKind);
    }

    [Fact]
    public async Task Bad_credentials_about_to_be_saved_fail_with_Slack_s_reason_without_a_hub_session_or_a_save()
    {
        var user = await fx.App.SignUpAndLogInAsync();
        var body = new { credentials = fx.SlackFields(("user_token", "xoxp-revoked-1"), ("bot_token", "xoxb-revoked-1")) };

        var test = await ProblemAssert.JsonAsync(await TestAsync(user, "slack", body));

        Assert.False(test.GetProperty("success").GetBoolean());
        Assert.Equal(JsonValueKind.Null, test.GetProperty("identity").ValueKind);
        var message = test.GetProperty("message").GetString()!;
        Assert.StartsWith("Slack says: invalid_auth", message);
        Assert.DoesNotContain("xoxp-revoked-1", message);
        var hub = fx.App.Services.GetRequiredService<IMcpHub>();
        Assert.DoesNotContain(hub.GetStatus().Sessions, s => s.UserId == user.Id);
        var status = await ProblemAssert.JsonAsync(await user.Http.GetAsync("/api/credentials/slack/status"));
        Assert.False(status.GetProperty("configured").GetBoolean());
        using var scope = fx.App.Services.CreateScope();
        await AssertOneWhoamiAuditedAsync(scope, user.Id, "error");
    }

    [Fact]
    public async Task Credentials_tried_before_saving_follow_the_admin_s_fixed_settings_and_shared_connection()
    {
        var admin = await fx.App.SignInAdminAsync();
        var member = await fx.App.SignUpAndLogInAsync();
        var slack = fx.SlackFields();
        await admin.PatchSourceAsync("slack", new { fixed_settings = new { api_url = slack["api_url"] } });
        try
        {
            // The admin sets where Slack is: a member may not try another address.
            var elsewhere = await TestAsync(member, "slack", new { credentials = slack });
            var refused = await ProblemAssert.IsProblemAsync(elsewhere, HttpStatusCode.BadRequest);
            Assert.Contains("Your admin sets the Slack", refused.GetProperty("detail").GetString());

            // Their tokens alone reach the Slack the admin fixed (without it the connector would go to slack.com).
            var tokens = new { bot_token = slack["bot_token"], user_token = slack["user_token"] };
            var test = await ProblemAssert.JsonAsync(await TestAsync(member, "slack", new { credentials = tokens }));
            Assert.True(test.GetProperty("success").GetBoolean(), test.ToString());
            Assert.Equal("Alice Chen (@alice) in Acme", test.GetProperty("identity").GetString());

            // Connected for everyone by the admin: there is nothing for a member to try.
            await admin.PatchSourceAsync("slack", new { connection = "shared" });
            var shared = await TestAsync(member, "slack", new { credentials = tokens });
            Assert.Contains(
                "connects Slack for everyone",
                (await ProblemAssert.IsProblemAsync(shared, HttpStatusCode.BadRequest)).ToString()
            );
        }
        finally
        {
            await admin.PatchSourceAsync("slack", new { connection = "personal", fixed_settings = new { } });
        }
    }

    // A connection test is a tool call like any other: the audit log has it, under the user who ran it.
    private static async Task AssertOneWhoamiAuditedAsync(IServiceScope scope, string userId, string outcome)
    {
        var db = scope.ServiceProvider.GetRequiredService<MosaicDbContext>();
        var entry = await db.AuditLog.SingleAsync(a => a.UserId == userId && a.Kind == AuditKinds.ToolCall);
        Assert.Equal(("slack", "whoami", outcome), (entry.Source, entry.Tool, entry.Outcome));
    }

    [Fact]
    public async Task Good_credentials_about_to_be_saved_pass_and_nothing_is_kept()
    {
        var user = await fx.App.SignUpAndLogInAsync();

        var test = await ProblemAssert.JsonAsync(await TestAsync(user, "slack", new { credentials = fx.SlackFields() }));

        Assert.True(test.GetProperty("success").GetBoolean(), test.ToString());
        Assert.Equal("Alice Chen (@alice) in Acme", test.GetProperty("identity").GetString());
        Assert.DoesNotContain(fx.App.Services.GetRequiredService<IMcpHub>().GetStatus().Sessions, s => s.UserId == user.Id);
        var slack = await SourceAsync(user, "slack");
        Assert.False(slack.GetProperty("configured").GetBoolean());
        Assert.Equal(JsonValueKind.Null, slack.GetProperty("identity").ValueKind);
    }

    [Fact]
    public async Task An_invalid_field_is_a_400_like_saving()
    {
        var user = await fx.App.SignUpAndLogInAsync();
        var body = new { credentials = fx.SlackFields(("api_url", "not a url")) };

        var problem = await ProblemAssert.IsProblemAsync(await TestAsync(user, "slack", body), HttpStatusCode.BadRequest);

        Assert.Equal(["API URL must be an absolute http(s) URL."], ProblemAssert.FieldErrors(problem, "credentials.api_url"));
        var unknown = await ProblemAssert.IsProblemAsync(
            await TestAsync(user, "slack", new { credentials = new { bot_token = "xoxb-1", colour = "red" } }),
            HttpStatusCode.BadRequest
        );
        Assert.StartsWith("Unknown field for slack", ProblemAssert.FieldErrors(unknown, "credentials.colour")[0]);
    }

    [Fact]
    public async Task An_unknown_source_is_a_404_and_an_unconfigured_one_a_400()
    {
        var user = await fx.App.SignUpAndLogInAsync();

        var unknown = await ProblemAssert.IsProblemAsync(await TestAsync(user, "nope"), HttpStatusCode.NotFound);
        Assert.Equal("Unknown datasource 'nope'.", unknown.GetProperty("detail").GetString());
        var unconfigured = await ProblemAssert.IsProblemAsync(await TestAsync(user, "github"), HttpStatusCode.BadRequest);
        Assert.StartsWith("GitHub has no saved credentials for you", unconfigured.GetProperty("detail").GetString());
        await ProblemAssert.IsProblemAsync(
            await fx.App.CreateClient().PostAsync("/api/datasources/slack/test", null),
            HttpStatusCode.Unauthorized
        );
    }
}
