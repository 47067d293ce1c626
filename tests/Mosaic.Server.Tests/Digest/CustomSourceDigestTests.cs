using System.Net.Http.Json;
using System.Text.Json;
using Mosaic.Server.Tests.Chat.Support;
using Mosaic.Server.Tests.Hub;

namespace Mosaic.Server.Tests.Digest;

/// <summary>
/// Custom sources in What You Missed, both running tests/Mosaic.TestMcpServer (whose whats_new sends a good item and
/// some malformed ones): "news" lists whats_new in read_only_tools and joins; "unvouched" offers the same tool without
/// the operator's word that it only reads, so it is never called.
/// </summary>
public sealed class CustomSourceDigestTests : IAsyncLifetime
{
    private readonly ChatAppFactory _app = new(
        null,
        ToolTrustTests.SourceJson("news", "\"whats_new\"") + "," + ToolTrustTests.SourceJson("unvouched")
    );

    public Task InitializeAsync() => _app.InitializeAsync();

    public Task DisposeAsync() => _app.DisposeAsync();

    private async Task<(TestUser User, string News, string Unvouched)> UserAsync()
    {
        var user = await _app.SignInAsync();
        var dir = Directory.CreateTempSubdirectory("mosaic-news").FullName;
        var files = new Dictionary<string, string>
        {
            ["news"] = Path.Combine(dir, "news.txt"),
            ["unvouched"] = Path.Combine(dir, "unvouched.txt"),
        };
        foreach (var (datasource, file) in files)
        {
            var saved = await user.Http.PostAsJsonAsync("/api/credentials", new { datasource, credentials = new { notes_file = file } });
            Assert.True(saved.IsSuccessStatusCode, await saved.Content.ReadAsStringAsync());
        }
        return (user, files["news"], files["unvouched"]);
    }

    private static string[] Lines(string file) => File.Exists(file) ? File.ReadAllLines(file) : [];

    [Fact]
    public async Task A_vouched_whats_new_joins_with_its_items_checked_and_an_unvouched_one_is_never_called()
    {
        var (user, news, unvouched) = await UserAsync();
        var digest = await ProblemAssert.JsonAsync(await user.Http.GetAsync("/api/digest?hours=24&refresh=true"));

        var section = Assert.Single(digest.GetProperty("sections").EnumerateArray());
        Assert.Equal("news", section.GetProperty("source").GetString());
        Assert.Equal("Notes news", section.GetProperty("title").GetString()); // the source's name
        Assert.Equal(JsonValueKind.Null, section.GetProperty("error").ValueKind);
        var since = digest.GetProperty("since").GetDateTimeOffset();

        // Malformed items (no id, no kind, a blank title, not an object) are dropped; the rest are made safe.
        var items = section.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["note-1", "note-2"], items.Select(i => i.GetProperty("id").GetString()));
        var good = items[0];
        Assert.True(good.GetProperty("actionable").GetBoolean());
        Assert.Equal("high", good.GetProperty("priority").GetString());
        Assert.Equal("https://example.test/notes/1", good.GetProperty("url").GetString());
        Assert.Equal("news", good.GetProperty("source").GetString());
        Assert.Equal($"{since.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'}", good.GetProperty("timestamp").GetString());
        var summary = good.GetProperty("summary").GetString()!;
        Assert.Equal(500, summary.Length);
        Assert.EndsWith("…", summary);
        var odd = items[1];
        Assert.Equal(JsonValueKind.Null, odd.GetProperty("url").ValueKind); // javascript: is no link
        Assert.Equal(JsonValueKind.Null, odd.GetProperty("timestamp").ValueKind);
        Assert.False(odd.GetProperty("actionable").GetBoolean());
        Assert.Equal("low", odd.GetProperty("priority").GetString());
        Assert.Equal(1, digest.GetProperty("actionable_count").GetInt32());

        // The host passed the window, its limit and the user's words; the unvouched source was not asked at all.
        var call = Assert.Single(Lines(news));
        Assert.Contains($"since={since.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'}", call);
        Assert.Contains("limit=100", call);
        Assert.Empty(Lines(unvouched));
    }

    [Fact]
    public async Task The_stream_announces_only_the_sources_that_join()
    {
        var (user, _, unvouched) = await UserAsync();
        using var response = await user.Http.GetAsync("/api/digest/stream?hours=24&refresh=true");
        var events = (await response.Content.ReadAsStringAsync())
            .Split('\n')
            .Where(l => l.StartsWith("data:"))
            .Select(l => JsonDocument.Parse(l[5..]).RootElement.Clone())
            .ToList();

        Assert.Equal(["news"], events[0].GetProperty("sources").EnumerateArray().Select(s => s.GetString()));
        var section = Assert.Single(events, e => e.GetProperty("event_type").GetString() == "section");
        Assert.Equal("news", section.GetProperty("section").GetProperty("source").GetString());
        Assert.Equal("done", events[^1].GetProperty("event_type").GetString());
        Assert.Empty(Lines(unvouched));
    }
}
