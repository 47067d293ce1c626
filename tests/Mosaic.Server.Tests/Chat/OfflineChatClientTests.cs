using Microsoft.Extensions.AI;
using Mosaic.Server.Connectors.Hub;
using Mosaic.Server.Llm.Offline;
using Mosaic.Server.Tests.Chat.Support;

namespace Mosaic.Server.Tests.Chat;

public sealed class OfflineChatClientTests
{
    private readonly OfflineChatClient _client = new();
    private static ChatOptions Options => new() { Tools = [.. Tools.Slack] };

    [Fact]
    public async Task Picks_a_tool_by_its_words_and_fills_arguments()
    {
        var response = await _client.GetResponseAsync(
            [new ChatMessage(ChatRole.User, "read the latest messages in #checkout-eng")],
            Options
        );
        var call = Assert.Single(response.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>());
        Assert.Equal("read_messages", call.Name);
        Assert.Equal("checkout-eng", call.Arguments!["channel"]);
        Assert.Equal(ChatFinishReason.ToolCalls, response.FinishReason);
    }

    [Fact]
    public async Task Renders_the_tool_result_it_asked_for()
    {
        var call = new FunctionCallContent("c1", "list_channels", new Dictionary<string, object?>());
        var result = new FunctionResultContent("c1", "x")
        {
            RawRepresentation = new McpToolResult(false, """[{"name":"general"},{"name":"random"}]""", null, TimeSpan.Zero, false),
        };
        var response = await _client.GetResponseAsync(
            [new(ChatRole.User, "list channels"), new(ChatRole.Assistant, [call]), new(ChatRole.Tool, [result])],
            Options
        );
        Assert.Contains("| general |", response.Text);
        Assert.Contains("**list_channels**", response.Text);
    }

    [Fact]
    public async Task Says_when_it_does_not_understand_and_lists_what_it_can_do()
    {
        var response = await _client.GetResponseAsync([new ChatMessage(ChatRole.User, "how is the weather?")], Options);
        Assert.Empty(response.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>());
        Assert.Contains("Offline mode", response.Text);
        Assert.Contains("couldn't tell", response.Text);
        Assert.All(Tools.Slack, t => Assert.Contains($"`{t.Name}`", response.Text));
    }

    [Fact]
    public async Task Asks_for_missing_required_arguments_instead_of_guessing()
    {
        var response = await _client.GetResponseAsync([new ChatMessage(ChatRole.User, "search messages")], Options);
        Assert.Empty(response.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>());
        Assert.Contains("`query`", response.Text);
    }

    [Theory]
    [InlineData("save a note \"milk\"", true, false)]
    [InlineData("save_note \"milk\"", true, true)]
    [InlineData("save note \"milk\"", true, true)]
    [InlineData("save a note \"milk\"", false, true)]
    public void An_untrusted_tool_is_picked_only_when_the_question_names_it(string question, bool untrusted, bool picked)
    {
        var tool = Tools.Make(
            "save_note",
            """{"type":"object","properties":{"text":{"type":"string"}},"required":["text"]}""",
            readOnly: !untrusted,
            trusted: !untrusted
        );
        var match = ToolMatcher.Best(question, [tool]);
        Assert.Equal(picked, match is not null);
        if (picked)
            Assert.Equal("milk", match!.Arguments["text"]);
    }

    [Fact]
    public async Task Streams_line_by_line()
    {
        var updates = await _client.GetStreamingResponseAsync([new ChatMessage(ChatRole.User, "weather?")], Options).ToListAsync();
        Assert.True(updates.Count(u => u.Text.Length > 0) > 3);
    }
}
