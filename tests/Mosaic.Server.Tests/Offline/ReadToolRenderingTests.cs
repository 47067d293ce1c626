using System.Text.Json;
using Mosaic.Server.Connectors;
using Mosaic.Server.Connectors.Hub;
using Mosaic.Server.Llm.Offline;
using Mosaic.Server.Sources;
using Mosaic.Server.Tests.Agent;
using Mosaic.Server.Tests.Chat.Support;

namespace Mosaic.Server.Tests.Offline;

/// <summary>
/// Every built-in read tool, run as the server runs it (the hub starts the real connector with the demo account's
/// credentials), rendered as Offline mode renders it: the data is on the page.
/// </summary>
[Collection(DemoCollection.Name)]
public sealed class ReadToolRenderingTests(DemoAgentFixture fx)
{
    private IMcpHub Hub => fx.App.Services.GetRequiredService<IMcpHub>();

    private async Task<string> RenderAsync(string source, string tool, string arguments)
    {
        var args = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(arguments);
        var result = await Hub.CallToolAsync(fx.User.Id, source, tool, args, CancellationToken.None);
        Assert.False(result.IsError, $"{source}.{tool} failed: {result.Text}");
        return MarkdownRenderer.Render(tool, result.IsError, result.Text, result.Structured);
    }

    [Theory]
    [MemberData(nameof(ReadToolCases.Data), MemberType = typeof(ReadToolCases))]
    public async Task The_rendering_shows_the_data(ReadToolCase c)
    {
        var md = await RenderAsync(c.Source, c.Tool, c.Arguments);
        foreach (var expected in c.Shows)
            Assert.True(md.Contains(expected, StringComparison.Ordinal), $"{c} lacks \"{expected}\":\n{md}");
    }

    [Fact]
    public async Task Every_built_in_read_tool_has_a_case()
    {
        var cases = ReadToolCases.All.Select(c => $"{c.Source}.{c.Tool}").ToHashSet();
        var readTools = new List<string>();
        foreach (var source in BuiltInSources.Definitions.Select(s => s.Id))
            readTools.AddRange(
                (await Hub.ListToolsAsync(fx.User.Id, source, CancellationToken.None))
                    .Where(t => t.ReadOnly && t.Name != "whats_new")
                    .Select(t => $"{source}.{t.Name}")
            );
        // whats_new is in every source: A_source_s_news_shows_its_items covers it for each of them.

        Assert.Equal(readTools.Order(), cases.Order());
        Assert.Equal(ReadToolCases.All.Length, cases.Count);
    }

    public static TheoryData<string> BuiltInIds() => new(BuiltInSources.Definitions.Select(d => d.Id));

    [Theory]
    [MemberData(nameof(BuiltInIds))]
    public async Task A_source_s_news_shows_its_items(string source)
    {
        var args = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>("""{"since":"2000-01-01T00:00:00Z","limit":10}""");
        var result = await Hub.CallToolAsync(fx.User.Id, source, "whats_new", args, CancellationToken.None);
        Assert.False(result.IsError, $"{source}.whats_new failed: {result.Text}");
        var titles = result
            .Structured!.Value.GetProperty("items")
            .EnumerateArray()
            .Select(i => i.GetProperty("title").GetString()!)
            .ToList();
        Assert.NotEmpty(titles);

        var md = MarkdownRenderer.Render("whats_new", false, result.Text, result.Structured);
        // Cells are clipped and pipes escaped: the start of every title is enough to show the item is there.
        foreach (var title in titles.Take(10))
            Assert.True(
                md.Contains(title[..Math.Min(30, title.Length)].Replace("|", "\\|"), StringComparison.Ordinal),
                $"{source}.whats_new lacks \"{title}\":\n{md}"
            );
        Assert.DoesNotContain("| name | type |", md);
    }

    [Fact]
    public async Task A_query_result_shows_its_rows_under_its_column_names_not_the_column_list()
    {
        var md = await RenderAsync("mysql", "execute_query", """{"sql":"SELECT first_name, city FROM customers ORDER BY id"}""");
        Assert.StartsWith("| first_name | city |", md);
        Assert.Contains("| Maya | San Francisco |", md);
        Assert.DoesNotContain("| name | type |", md);
        Assert.DoesNotContain("VARCHAR", md);
    }

    [Fact]
    public async Task A_page_the_source_cut_says_so_and_gives_the_cursor()
    {
        var md = await RenderAsync("mysql", "execute_query", """{"sql":"SELECT first_name FROM customers ORDER BY id","limit":3}""");
        Assert.Contains("| Liam |", md);
        Assert.Contains("| Noah |", md);
        Assert.DoesNotContain("| Amara |", md);
        Assert.Contains("_Showing 3 rows; the source has more._", md);
        Assert.Contains("_For more, ask again with next_cursor=", md);

        // When the source knows its total, the line gives it.
        var projects = await RenderAsync("jira", "list_projects", """{"limit":2}""");
        Assert.Contains("| ACME |", projects);
        Assert.DoesNotContain("| BREW |", projects);
        Assert.Contains("_Showing 2 of 4 projects._", projects);
    }

    [Fact]
    public async Task Offline_chat_answers_execute_query_with_the_rows()
    {
        await using var sse = await SseStream.OpenAsync(
            fx.User.Http,
            new
            {
                message = "execute_query sql=\"SELECT first_name, last_name, city FROM customers WHERE city = 'Seattle' ORDER BY id\"",
                datasource = "mysql",
            }
        );
        var events = await sse.ReadToEndAsync();

        var start = events.Single(e => SseStream.Type(e) == "tool_start");
        Assert.Equal("execute_query", start.GetProperty("tool").GetString());
        Assert.StartsWith("SELECT first_name", start.GetProperty("arguments").GetProperty("sql").GetString());
        var text = string.Concat(events.Where(e => SseStream.Type(e) == "chunk").Select(e => e.GetProperty("content").GetString()));
        Assert.Contains("| first_name | last_name | city |", text);
        Assert.Contains("| Sofia | Rossi | Seattle |", text);
        Assert.Contains("| Hana | Tanaka | Seattle |", text);
        Assert.DoesNotContain("| name | type |", text);
    }
}
