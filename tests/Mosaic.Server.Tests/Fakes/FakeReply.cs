using System.Text.Json;

namespace Mosaic.Server.Tests.Fakes;

/// <summary>One content block of a scripted Messages API answer.</summary>
public abstract record FakeBlock;

public sealed record FakeText(string Text) : FakeBlock;

public sealed record FakeThinking(string Thinking) : FakeBlock;

public sealed record FakeToolUse(string Id, string Name, string InputJson) : FakeBlock;

/// <summary>
/// What the fake Anthropic server answers to one POST /v1/messages. <see cref="Hang"/> keeps the stream
/// open (after a first text delta) until the client goes away; <see cref="Status"/> answers with an API error.
/// </summary>
public sealed record FakeReply(
    IReadOnlyList<FakeBlock> Blocks,
    bool Hang = false,
    int Status = 200,
    int InputTokens = 25,
    int OutputTokens = 12
)
{
    public string StopReason => Blocks.Any(b => b is FakeToolUse) ? "tool_use" : "end_turn";

    public static FakeReply Text(string text) => new([new FakeText(text)]);

    public static FakeReply ToolUse(string name, object input, string? preamble = null)
    {
        var block = new FakeToolUse($"toolu_{Guid.NewGuid():N}"[..24], name, JsonSerializer.Serialize(input));
        return new FakeReply(preamble is null ? [block] : [new FakeText(preamble), block]);
    }

    public static FakeReply Of(params FakeBlock[] blocks) => new(blocks);

    public static FakeReply Hanging(string firstText = "Working on it") => new([new FakeText(firstText)], Hang: true);

    public static FakeReply Error(int status) => new([], Status: status);
}

/// <summary>A request the fake received: the parsed JSON body and whether the client disconnected mid-answer.</summary>
public sealed class FakeRequest(JsonElement body, IReadOnlyDictionary<string, string> headers)
{
    public JsonElement Body { get; } = body;
    public IReadOnlyDictionary<string, string> Headers { get; } = headers;
    public string Model => Body.GetProperty("model").GetString()!;
    public bool Stream => Body.TryGetProperty("stream", out var s) && s.ValueKind == JsonValueKind.True;
    public volatile bool Aborted;

    public IEnumerable<string> ToolNames =>
        Body.TryGetProperty("tools", out var t) ? t.EnumerateArray().Select(x => x.GetProperty("name").GetString()!) : [];

    /// <summary>Every tool_result block the client sent back, as (tool_use_id, text content, is_error).</summary>
    public IEnumerable<(string ToolUseId, string Content)> ToolResults =>
        Body.GetProperty("messages")
            .EnumerateArray()
            .Where(m => m.GetProperty("content").ValueKind == JsonValueKind.Array)
            .SelectMany(m => m.GetProperty("content").EnumerateArray())
            .Where(b => b.GetProperty("type").GetString() == "tool_result")
            .Select(b => (b.GetProperty("tool_use_id").GetString()!, ContentText(b)));

    /// <summary>The conversation as (role, text) pairs: the text of each message's text blocks.</summary>
    public IEnumerable<(string Role, string Text)> MessageTexts =>
        Body.GetProperty("messages")
            .EnumerateArray()
            .Select(m =>
                (
                    m.GetProperty("role").GetString()!,
                    m.GetProperty("content") is { ValueKind: JsonValueKind.String } c
                        ? c.GetString()!
                        : string.Concat(
                            m.GetProperty("content")
                                .EnumerateArray()
                                .Where(b => b.GetProperty("type").GetString() == "text")
                                .Select(b => b.GetProperty("text").GetString())
                        )
                )
            );

    public string SystemText =>
        Body.TryGetProperty("system", out var s)
            ? s.ValueKind == JsonValueKind.String
                ? s.GetString()!
                : string.Concat(s.EnumerateArray().Select(x => x.GetProperty("text").GetString()))
            : "";

    private static string ContentText(JsonElement block)
    {
        if (!block.TryGetProperty("content", out var c))
            return "";
        return c.ValueKind == JsonValueKind.String
            ? c.GetString()!
            : string.Concat(c.EnumerateArray().Where(x => x.TryGetProperty("text", out _)).Select(x => x.GetProperty("text").GetString()));
    }
}
