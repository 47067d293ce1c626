using System.Net;
using System.Text.Json;
using Mosaic.Server.Audit;
using Mosaic.Server.Data;
using Mosaic.Server.Tests.Chat.Support;

namespace Mosaic.Server.Tests.Audit;

/// <summary>GET /api/admin/audit and GET /api/activity over entries written straight into the database.</summary>
public sealed class AuditApiTests(MosaicAppFactory app) : IClassFixture<MosaicAppFactory>
{
    private static readonly DateTime Now = DateTime.UtcNow;

    /// <summary>A source name no other test uses, so each test reads only its own entries.</summary>
    private static string NewSource() => $"src-{Guid.NewGuid():N}"[..20];

    private static AuditEntry Entry(
        string source,
        string? user = null,
        string tool = "echo",
        string outcome = "success",
        string kind = "tool_call",
        DateTime? at = null
    ) =>
        new()
        {
            At = at ?? Now,
            Kind = kind,
            Action = kind == "tool_call" ? "tool_called" : "credentials_saved",
            Outcome = outcome,
            UserId = user,
            UserEmail = user is null ? null : $"{user}@example.com",
            Source = source,
            Tool = tool,
            Arguments = """{"q":"x"}""",
            Approval = "none",
            DurationMs = 1.25,
            FromCache = false,
        };

    private async Task<List<long>> SeedAsync(params AuditEntry[] entries)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MosaicDbContext>();
        db.AuditLog.AddRange(entries);
        await db.SaveChangesAsync();
        return [.. entries.Select(e => e.Id)];
    }

    private static List<long> Ids(JsonElement page) =>
        [.. page.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("id").GetInt64())];

    private static async Task<List<long>> GetIdsAsync(TestUser user, string url) =>
        Ids(await ProblemAssert.JsonAsync(await user.Http.GetAsync(url)));

    [Fact]
    public async Task Members_get_403_and_the_signed_out_401()
    {
        var member = await app.SignInAsync();
        await ProblemAssert.IsProblemAsync(await member.Http.GetAsync("/api/admin/audit"), HttpStatusCode.Forbidden);
        await ProblemAssert.IsProblemAsync(await app.CreateBrowser().Http.GetAsync("/api/admin/audit"), HttpStatusCode.Unauthorized);
        await ProblemAssert.IsProblemAsync(await app.CreateBrowser().Http.GetAsync("/api/activity"), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Each_filter_narrows_the_entries()
    {
        var admin = await app.SignInAdminAsync();
        var s = NewSource();
        var ids = await SeedAsync(
            Entry(s, user: "u-one", tool: "read", at: Now.AddDays(-3)),
            Entry(s, user: "u-two", tool: "write", outcome: "refused", at: Now.AddDays(-2)),
            Entry(s, user: "u-one", tool: "read", outcome: "error", at: Now.AddDays(-1)),
            Entry(s, user: "u-one", kind: "credential", tool: "-", at: Now)
        );
        Assert.Equal(ids.AsEnumerable().Reverse(), await GetIdsAsync(admin, $"/api/admin/audit?source={s}"));
        Assert.Equal([ids[3], ids[2], ids[0]], await GetIdsAsync(admin, $"/api/admin/audit?source={s}&user=u-one"));
        Assert.Equal([ids[1]], await GetIdsAsync(admin, $"/api/admin/audit?source={s}&user=u-two@example.com"));
        Assert.Equal([ids[2], ids[0]], await GetIdsAsync(admin, $"/api/admin/audit?source={s}&tool=read"));
        Assert.Equal([ids[1]], await GetIdsAsync(admin, $"/api/admin/audit?source={s}&outcome=refused"));
        Assert.Equal([ids[3]], await GetIdsAsync(admin, $"/api/admin/audit?source={s}&kind=credential"));
        var from = Now.AddDays(-2).AddMinutes(-1).ToString("yyyy-MM-ddTHH:mm:ssZ");
        var to = Now.AddDays(-1).AddMinutes(-1).ToString("yyyy-MM-ddTHH:mm:ssZ");
        Assert.Equal([ids[1]], await GetIdsAsync(admin, $"/api/admin/audit?source={s}&from={from}&to={to}"));
        // A date alone as `to` means through that day.
        var days = $"from={Now.AddDays(-5):yyyy-MM-dd}&to={Now.AddDays(-1):yyyy-MM-dd}";
        Assert.Equal([ids[2], ids[1], ids[0]], await GetIdsAsync(admin, $"/api/admin/audit?source={s}&{days}"));

        var entry = (await ProblemAssert.JsonAsync(await admin.Http.GetAsync($"/api/admin/audit?source={s}&kind=credential"))).GetProperty(
            "entries"
        )[0];
        foreach (var field in AuditExport.Columns)
            Assert.True(entry.TryGetProperty(field, out _), $"entries carry {field}");
        Assert.Equal("u-one@example.com", entry.GetProperty("user_email").GetString());
    }

    [Fact]
    public async Task Pages_follow_the_cursor_newest_first_without_duplicates_or_gaps()
    {
        var admin = await app.SignInAdminAsync();
        var s = NewSource();
        var ids = await SeedAsync([.. Enumerable.Range(0, 7).Select(_ => Entry(s))]);
        var seen = new List<long>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await ProblemAssert.JsonAsync(
                await admin.Http.GetAsync($"/api/admin/audit?source={s}&limit=3{(cursor is null ? "" : "&cursor=" + cursor)}")
            );
            seen.AddRange(Ids(page));
            cursor = page.GetProperty("next_cursor").GetString();
            pages++;
        } while (cursor is not null);
        Assert.Equal(3, pages);
        Assert.Equal(ids.OrderByDescending(i => i), seen);

        var first = await ProblemAssert.JsonAsync(await admin.Http.GetAsync($"/api/admin/audit?source={s}"));
        Assert.Equal(7, Ids(first).Count); // default limit 50
        Assert.Equal(JsonValueKind.Null, first.GetProperty("next_cursor").ValueKind);
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=501", "limit")]
    [InlineData("limit=ten", "limit")]
    [InlineData("from=yesterday", "from")]
    [InlineData("to=07/12/2026", "to")]
    [InlineData("from=2026-12-08&to=2026-12-07", "to")]
    [InlineData("kind=everything", "kind")]
    [InlineData("cursor=not-a-cursor", "cursor")]
    [InlineData("format=xml", "format")]
    public async Task A_bad_filter_is_a_400_naming_it(string query, string field)
    {
        var admin = await app.SignInAdminAsync();
        var problem = await ProblemAssert.IsProblemAsync(await admin.Http.GetAsync($"/api/admin/audit?{query}"), HttpStatusCode.BadRequest);
        Assert.NotEmpty(ProblemAssert.FieldErrors(problem, field));
        Assert.Contains(field, problem.GetProperty("detail").GetString());
        await ProblemAssert.IsProblemAsync(await admin.Http.GetAsync($"/api/activity?{query}"), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Csv_export_streams_every_matching_entry_quoted_and_injection_safe()
    {
        var admin = await app.SignInAdminAsync();
        var s = NewSource();
        var many = Enumerable.Range(0, AuditExport.BatchSize + 20).Select(_ => Entry(s)).ToList();
        var odd = Entry(s, tool: "=HYPERLINK(\"http://evil\")");
        odd.Detail = """{"error":"a, \"quoted\"\nline"}""";
        await SeedAsync([.. many, odd]);

        var response = await admin.Http.GetAsync($"/api/admin/audit?source={s}&format=csv&limit=1");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Matches(@"^audit-\d{4}-\d{2}-\d{2}\.csv$", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var text = await response.Content.ReadAsStringAsync();
        var rows = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(string.Join(',', AuditExport.Columns), rows[0]);
        Assert.Equal(many.Count + 2, rows.Length); // header + every entry, not a page (the odd one's newline is inside quotes)
        Assert.Contains("\"'=HYPERLINK(\"\"http://evil\"\")\"", text);
        Assert.Contains("\"{\"\"error\"\":\"\"a, \\\"\"quoted\\\"\"\\nline\"\"}\"", text);
        Assert.StartsWith($"\"{odd.Id}\",", rows[1]); // newest first
    }

    [Fact]
    public async Task Jsonl_export_has_one_snake_case_entry_per_line()
    {
        var member = await app.SignInAsync();
        var s = NewSource();
        var ids = await SeedAsync(Entry(s, user: member.Id), Entry(s, user: member.Id), Entry(s, user: "someone-else"));
        var response = await member.Http.GetAsync($"/api/activity?source={s}&format=jsonl");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Matches(@"^activity-\d{4}-\d{2}-\d{2}\.jsonl$", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var entries = lines.Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal([ids[1], ids[0]], entries.Select(e => e.GetProperty("id").GetInt64()));
        Assert.All(entries, e => Assert.Equal(member.Id, e.GetProperty("user_id").GetString()));
        Assert.Equal(1.25, entries[0].GetProperty("duration_ms").GetDouble());
    }

    [Fact]
    public async Task Activity_shows_only_the_callers_own_entries()
    {
        var alice = await app.SignInAsync();
        var bob = await app.SignInAsync();
        var s = NewSource();
        var ids = await SeedAsync(Entry(s, user: alice.Id), Entry(s, user: bob.Id), Entry(s, user: alice.Id, outcome: "error"));

        Assert.Equal([ids[2], ids[0]], await GetIdsAsync(alice, $"/api/activity?source={s}"));
        Assert.Equal([ids[1]], await GetIdsAsync(bob, $"/api/activity?source={s}"));
        Assert.Equal([ids[2]], await GetIdsAsync(alice, $"/api/activity?source={s}&outcome=error"));
        // Not a filter members have: naming someone else still shows only the caller's own entries.
        Assert.Equal([ids[2], ids[0]], await GetIdsAsync(alice, $"/api/activity?source={s}&user={bob.Id}"));
    }

    [Fact]
    public async Task No_route_changes_or_deletes_an_entry()
    {
        var admin = await app.SignInAdminAsync();
        var s = NewSource();
        var id = (await SeedAsync(Entry(s, user: admin.Id)))[0];
        foreach (var method in new[] { HttpMethod.Put, HttpMethod.Patch, HttpMethod.Delete, HttpMethod.Post })
        foreach (var url in new[] { "/api/admin/audit", $"/api/admin/audit/{id}", "/api/activity", $"/api/activity/{id}" })
        {
            var response = await admin.Http.SendAsync(new HttpRequestMessage(method, url) { Content = new StringContent("{}") });
            Assert.True(
                response.StatusCode is HttpStatusCode.MethodNotAllowed or HttpStatusCode.NotFound,
                $"{method} {url}: {(int)response.StatusCode}"
            );
        }
        Assert.Equal([id], await GetIdsAsync(admin, $"/api/admin/audit?source={s}"));
    }
}
