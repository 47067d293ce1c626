using System.Net.Http.Json;
using Mosaic.Server.Tests.Chat.Support;

namespace Mosaic.Server.Tests.Chat;

/// <summary>Offline mode end to end: no model, real MCP servers, answers rendered from the tools' results.</summary>
public sealed class OfflineChatTests(OfflineChatFixture fx) : IClassFixture<OfflineChatFixture>
{
    private static string Text(IEnumerable<System.Text.Json.JsonElement> events) =>
        string.Concat(events.Where(e => SseStream.Type(e) == "chunk").Select(e => e.GetProperty("content").GetString()));

    [Fact]
    public async Task A_list_question_is_routed_called_and_rendered()
    {
        var user = await fx.App.SignInAsync();
        await File.WriteAllTextAsync(Path.Combine(fx.App.FilesDir, "budget-2025.xlsx"), "x");
        Directory.CreateDirectory(Path.Combine(fx.App.FilesDir, "contracts"));

        await using var sse = await SseStream.OpenAsync(
            user.Http,
            new { message = $"list directory {fx.App.FilesDir}", datasource = "files" }
        );
        var events = await sse.ReadToEndAsync();

        var start = events.Single(e => SseStream.Type(e) == "tool_start");
        Assert.Equal("list_directory", start.GetProperty("tool").GetString());
        Assert.Equal(fx.App.FilesDir, start.GetProperty("arguments").GetProperty("path").GetString());
        var text = Text(events);
        Assert.Contains("budget-2025.xlsx", text);
        Assert.Contains("contracts", text);
        var meta = events[^1].GetProperty("metadata");
        Assert.Equal(("offline", "direct"), (meta.GetProperty("provider").GetString(), meta.GetProperty("tier").GetString()));
    }

    [Fact]
    public async Task Structured_results_become_tables_and_quoted_text_becomes_an_argument()
    {
        var user = await fx.App.SignInAsync();
        await using var echo = await SseStream.OpenAsync(
            user.Http,
            new { message = "echo \"hello from offline mode\"", datasource = "everything" }
        );
        Assert.Contains("hello from offline mode", Text(await echo.ReadToEndAsync()));

        await using var sum = await SseStream.OpenAsync(user.Http, new { message = "get sum of 19 and 23", datasource = "everything" });
        var events = await sum.ReadToEndAsync();
        Assert.Contains("42", Text(events));
        var args = events.Single(e => SseStream.Type(e) == "tool_start").GetProperty("arguments");
        Assert.Equal((19, 23), (args.GetProperty("a").GetInt32(), args.GetProperty("b").GetInt32()));
    }

    [Fact]
    public async Task It_says_when_it_does_not_understand_and_what_it_can_do()
    {
        var user = await fx.App.SignInAsync();
        await using var sse = await SseStream.OpenAsync(
            user.Http,
            new { message = "how do you feel about the weather on Mars?", datasource = "files" }
        );
        var events = await sse.ReadToEndAsync();
        Assert.DoesNotContain("tool_start", sse.Types);
        var text = Text(events);
        Assert.Contains("Offline mode", text);
        Assert.Contains("`list_directory`", text);
        Assert.Contains("`read_text_file`", text);
        Assert.Equal("offline", events[^1].GetProperty("metadata").GetProperty("tier").GetString());
    }

    [Fact]
    public async Task The_non_streaming_endpoint_and_providers_report_offline_mode()
    {
        var user = await fx.App.SignInAsync();
        await File.WriteAllTextAsync(Path.Combine(fx.App.FilesDir, "readme.md"), "hi");
        var body = await ProblemAssert.JsonAsync(
            await user.Http.PostAsJsonAsync(
                "/api/chat/message",
                new { message = $"list directory {fx.App.FilesDir}", datasource = "files" }
            )
        );
        Assert.Contains("readme.md", body.GetProperty("response").GetString());
        Assert.Equal("list_directory", body.GetProperty("sources")[0].GetProperty("tool").GetString());

        var providers = await ProblemAssert.JsonAsync(await user.Http.GetAsync("/api/chat/providers"));
        Assert.Equal("offline", providers.GetProperty("provider").GetString());
        Assert.True(providers.GetProperty("offline").GetBoolean());
        Assert.Contains("Offline", providers.GetProperty("label").GetString());
    }

    [Fact]
    public async Task Writes_still_need_approval_in_offline_mode()
    {
        var user = await fx.App.SignInAsync();
        var path = Path.Combine(fx.App.FilesDir, "offline-note.txt");
        await using var sse = await SseStream.OpenAsync(
            user.Http,
            new { message = $"write file {path} content=\"from offline\"", datasource = "files" }
        );
        var request = await sse.UntilAsync("approval_required");
        Assert.Equal("write_file", request.GetProperty("tool").GetString());
        Assert.False(File.Exists(path));
        await ProblemAssert.JsonAsync(
            await user.Http.PostAsJsonAsync(
                $"/api/chat/approvals/{request.GetProperty("approval_id").GetString()}",
                new { approved = true }
            )
        );
        await sse.ReadToEndAsync();
        Assert.Equal("from offline", await File.ReadAllTextAsync(path));
    }
}
