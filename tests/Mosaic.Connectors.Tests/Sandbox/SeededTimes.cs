using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Mosaic.Connectors.Tests.Infrastructure;

namespace Mosaic.Connectors.Tests.Sandbox;

/// <summary>A time the Sandbox's seed data carries, where it came from, and what it belongs to.</summary>
public sealed record SeededTime(string Source, string What, DateTimeOffset At);

/// <summary>
/// Every time a digest or a question can see in the Sandbox's seeded story, read the way the connectors read it: over
/// the simulated APIs (Gmail, Jira, Slack, GitHub, Shopify, Drive) and from the demo database --print-env names.
/// </summary>
public static class SeededTimes
{
    public static async Task<List<SeededTime>> ReadAsync(SandboxFixture sandbox)
    {
        var times = new List<SeededTime>();
        await GmailAsync(sandbox, times);
        await JiraAsync(sandbox, times);
        await SlackAsync(sandbox, times);
        await GitHubAsync(sandbox, times);
        await ShopifyAsync(sandbox, times);
        Demo(sandbox, times);
        return times;
    }

    public static async Task<string> GoogleTokenAsync(SandboxFixture sandbox)
    {
        var google = sandbox.EnvFor("google_workspace");
        using var response = await sandbox.Http.PostAsync(
            "/google/token",
            new FormUrlEncodedContent(
                new Dictionary<string, string>
                {
                    ["grant_type"] = "refresh_token",
                    ["client_id"] = google["GOOGLE_OAUTH_CLIENT_ID"],
                    ["client_secret"] = google["GOOGLE_OAUTH_CLIENT_SECRET"],
                    ["refresh_token"] = google["GOOGLE_REFRESH_TOKEN"],
                }
            )
        );
        return (string)(await Json(response))["access_token"]!;
    }

    public static async Task<JsonNode> GetAsync(SandboxFixture sandbox, string path, AuthenticationHeaderValue auth)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = auth;
        using var response = await sandbox.Http.SendAsync(request);
        return await Json(response);
    }

    private static async Task GmailAsync(SandboxFixture sandbox, List<SeededTime> times)
    {
        var auth = new AuthenticationHeaderValue("Bearer", await GoogleTokenAsync(sandbox));
        var list = await GetAsync(sandbox, "/google/gmail/v1/users/me/messages?maxResults=500&includeSpamTrash=true", auth);
        foreach (var id in list["messages"]!.AsArray().Select(m => (string)m!["id"]!))
        {
            var m = await GetAsync(sandbox, $"/google/gmail/v1/users/me/messages/{id}?format=metadata&metadataHeaders=Subject", auth);
            var subject = (string?)m["payload"]?["headers"]?.AsArray().FirstOrDefault(h => (string?)h!["name"] == "Subject")?["value"];
            var at = DateTimeOffset.FromUnixTimeMilliseconds(long.Parse((string)m["internalDate"]!, CultureInfo.InvariantCulture));
            times.Add(new("gmail", subject ?? id, at));
        }
        const string drive = "/google/drive/v3/files?q=trashed%20%3D%20false&pageSize=1000&fields=files(name,modifiedTime)";
        var files = await GetAsync(sandbox, drive, auth);
        foreach (var f in files["files"]!.AsArray())
            times.Add(new("drive", (string)f!["name"]!, Parse((string)f["modifiedTime"]!)));
    }

    private static async Task JiraAsync(SandboxFixture sandbox, List<SeededTime> times)
    {
        var jira = sandbox.EnvFor("jira");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/jira/rest/api/3/search/jql")
        {
            Content = JsonContent.Create(
                new
                {
                    jql = "project in (ACME, OPS, BREW, SEC) ORDER BY created DESC",
                    maxResults = 100,
                    fields = new[] { "created", "updated" },
                }
            ),
        };
        var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{jira["JIRA_EMAIL"]}:{jira["JIRA_API_TOKEN"]}"));
        request.Headers.Authorization = new("Basic", basic);
        using var response = await sandbox.Http.SendAsync(request);
        foreach (var issue in (await Json(response))["issues"]!.AsArray())
        foreach (var field in new[] { "created", "updated" })
            times.Add(new("jira", $"{issue!["key"]} {field}", Parse((string)issue["fields"]![field]!)));
    }

    private static async Task SlackAsync(SandboxFixture sandbox, List<SeededTime> times)
    {
        var auth = new AuthenticationHeaderValue("Bearer", sandbox.EnvFor("slack")["SLACK_USER_TOKEN"]);
        var channels = await GetAsync(sandbox, "/slack/api/conversations.list?types=public_channel,private_channel,im&limit=1000", auth);
        foreach (var channel in channels["channels"]!.AsArray().Select(c => (string)c!["id"]!))
        {
            var history = await GetAsync(sandbox, $"/slack/api/conversations.history?channel={channel}&limit=1000", auth);
            foreach (var m in history["messages"]?.AsArray() ?? [])
            {
                var ts = double.Parse((string)m!["ts"]!, CultureInfo.InvariantCulture);
                times.Add(new("slack", $"{channel}: {(string?)m["text"]}", DateTimeOffset.FromUnixTimeMilliseconds((long)(ts * 1000))));
            }
        }
    }

    private static async Task GitHubAsync(SandboxFixture sandbox, List<SeededTime> times)
    {
        var auth = new AuthenticationHeaderValue("token", sandbox.EnvFor("github")["GITHUB_TOKEN"]);
        var repos = (await GetAsync(sandbox, "/github/orgs/acme/repos?per_page=100", auth)).AsArray().Select(r => (string)r!["name"]!);
        foreach (var repo in repos)
        {
            for (var page = 1; ; page++)
            {
                var issues = (
                    await GetAsync(sandbox, $"/github/repos/acme/{repo}/issues?state=all&per_page=100&page={page}", auth)
                ).AsArray();
                foreach (var i in issues)
                foreach (var field in new[] { "created_at", "updated_at" })
                    times.Add(new("github", $"{repo}#{i!["number"]} {field}", Parse((string)i[field]!)));
                if (issues.Count < 100)
                    break;
            }
            var runs = await GetAsync(sandbox, $"/github/repos/acme/{repo}/actions/runs?per_page=100", auth);
            foreach (var run in runs["workflow_runs"]!.AsArray())
                times.Add(new("github", $"{repo} run {run!["id"]} ({run["conclusion"]})", Parse((string)run["created_at"]!)));
        }
    }

    private static async Task ShopifyAsync(SandboxFixture sandbox, List<SeededTime> times)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/shopify/admin/api/2025-07/graphql.json")
        {
            Content = JsonContent.Create(new { query = "{ orders(first: 100) { nodes { name createdAt } } }" }),
        };
        request.Headers.Add("X-Shopify-Access-Token", sandbox.EnvFor("shopify")["SHOPIFY_ACCESS_TOKEN"]);
        using var response = await sandbox.Http.SendAsync(request);
        foreach (var o in (await Json(response))["data"]!["orders"]!["nodes"]!.AsArray())
            times.Add(new("shopify", $"order {o!["name"]}", Parse((string)o["createdAt"]!)));
    }

    private static void Demo(SandboxFixture sandbox, List<SeededTime> times)
    {
        using var db = new SqliteConnection($"Data Source={sandbox.EnvFor("mysql")["SQLITE_PATH"]};Mode=ReadOnly;Pooling=False");
        db.Open();
        (string Table, string Key, string Column)[] dated =
        [
            ("orders", "order_number", "created_at"),
            ("support_tickets", "ticket_key", "created_at"),
            ("support_tickets", "ticket_key", "updated_at"),
            ("payments", "id", "created_at"),
        ];
        foreach (var (table, key, column) in dated)
        {
            using var command = new SqliteCommand($"SELECT {key}, {column} FROM {table}", db);
            using var r = command.ExecuteReader();
            while (r.Read())
                times.Add(
                    new(
                        "mysql",
                        $"{table} {r.GetValue(0)} {column}",
                        new DateTimeOffset(
                            DateTime.SpecifyKind(DateTime.Parse(r.GetString(1), CultureInfo.InvariantCulture), DateTimeKind.Utc)
                        )
                    )
                );
        }
    }

    public static DateTimeOffset Parse(string value) =>
        DateTimeOffset.Parse(value.Replace("+0000", "+00:00"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    private static async Task<JsonNode> Json(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {response.RequestMessage?.RequestUri}: {text}");
        return JsonNode.Parse(text)!;
    }
}
