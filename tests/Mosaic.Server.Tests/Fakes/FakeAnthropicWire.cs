using System.Text.Json;

namespace Mosaic.Server.Tests.Fakes;

/// <summary>The Messages API's JSON shapes: a whole message, or the SSE event sequence of a streamed one.</summary>
internal static class FakeAnthropicWire
{
    public static object Message(FakeReply reply, string model) =>
        new
        {
            id = $"msg_{Guid.NewGuid():N}",
            type = "message",
            role = "assistant",
            model,
            content = reply
                .Blocks.Select(b =>
                    b switch
                    {
                        FakeText t => (object)new { type = "text", text = t.Text },
                        FakeThinking t => new
                        {
                            type = "thinking",
                            thinking = t.Thinking,
                            signature = "sig",
                        },
                        FakeToolUse u => new
                        {
                            type = "tool_use",
                            id = u.Id,
                            name = u.Name,
                            input = JsonDocument.Parse(u.InputJson).RootElement,
                        },
                        _ => throw new InvalidOperationException(),
                    }
                )
                .ToArray(),
            stop_reason = reply.StopReason,
            stop_sequence = (string?)null,
            usage = Usage(reply.InputTokens, reply.OutputTokens),
        };

    /// <summary>message_start, per block start/deltas/stop (text split into pieces, tool input as partial JSON), message_delta,
    /// message_stop.</summary>
    public static IEnumerable<(string Event, object Data)> StreamEvents(FakeReply reply, string model)
    {
        yield return (
            "message_start",
            new
            {
                type = "message_start",
                message = new
                {
                    id = $"msg_{Guid.NewGuid():N}",
                    type = "message",
                    role = "assistant",
                    model,
                    content = Array.Empty<object>(),
                    stop_reason = (string?)null,
                    stop_sequence = (string?)null,
                    usage = Usage(reply.InputTokens, 1),
                },
            }
        );
        yield return ("ping", new { type = "ping" });
        var index = 0;
        foreach (var block in reply.Blocks)
        {
            switch (block)
            {
                case FakeText t:
                    yield return Start(index, new { type = "text", text = "" });
                    foreach (var piece in Split(t.Text, 6))
                        yield return Delta(index, new { type = "text_delta", text = piece });
                    break;
                case FakeThinking t:
                    yield return Start(index, new { type = "thinking", thinking = "" });
                    foreach (var piece in Split(t.Thinking, 8))
                        yield return Delta(index, new { type = "thinking_delta", thinking = piece });
                    yield return Delta(index, new { type = "signature_delta", signature = "sig" });
                    break;
                case FakeToolUse u:
                    yield return Start(
                        index,
                        new
                        {
                            type = "tool_use",
                            id = u.Id,
                            name = u.Name,
                            input = new { },
                        }
                    );
                    // Partial JSON across several deltas, cut mid-token, the way the real API sends it.
                    foreach (var piece in Split(u.InputJson, Math.Max(1, u.InputJson.Length / 3)))
                        yield return Delta(index, new { type = "input_json_delta", partial_json = piece });
                    break;
            }
            if (!(reply.Hang && block == reply.Blocks[^1]))
                yield return ("content_block_stop", new { type = "content_block_stop", index });
            index++;
        }
        if (reply.Hang)
            yield break;
        yield return (
            "message_delta",
            new
            {
                type = "message_delta",
                delta = new { stop_reason = reply.StopReason, stop_sequence = (string?)null },
                usage = new { output_tokens = reply.OutputTokens },
            }
        );
        yield return ("message_stop", new { type = "message_stop" });
    }

    private static object Usage(int input, int output) =>
        new
        {
            input_tokens = input,
            output_tokens = output,
            cache_creation_input_tokens = 0,
            cache_read_input_tokens = 0,
        };

    private static (string, object) Start(int index, object block) =>
        (
            "content_block_start",
            new
            {
                type = "content_block_start",
                index,
                content_block = block,
            }
        );

    private static (string, object) Delta(int index, object delta) =>
        (
            "content_block_delta",
            new
            {
                type = "content_block_delta",
                index,
                delta,
            }
        );

    private static IEnumerable<string> Split(string s, int size)
    {
        if (s.Length == 0)
        {
            yield return "";
            yield break;
        }
        for (var i = 0; i < s.Length; i += size)
            yield return s.Substring(i, Math.Min(size, s.Length - i));
    }
}
