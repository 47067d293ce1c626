using System.Text;
using Microsoft.Extensions.AI;
using Mosaic.Server.Llm;
using Mosaic.Server.Llm.Offline;
using Mosaic.Server.Sources;

namespace Mosaic.Server.Chat;

/// <summary>What one turn of the loop produced.</summary>
public sealed record LoopResult(string Text, IReadOnlyList<ToolUse> ToolUses, TokenUsage Tokens, int Rounds);

/// <summary>
/// The streaming model ↔ tool loop (docs/architecture.md#single-source-chat): stream the model's text as chunk events, run the
/// tools it asks for through <see cref="ToolExecutor"/>, feed the results back, and stop when it answers
/// without tools or after a bounded number of rounds.
/// </summary>
public sealed class ToolLoop(ToolExecutor executor, ChatSettings settings)
{
    public async Task<LoopResult> RunAsync(
        ChatTurn turn,
        IChatClient client,
        List<ChatMessage> messages,
        IReadOnlyList<McpToolDeclaration> tools,
        List<ToolUse> uses,
        CancellationToken ct
    )
    {
        var byName = tools.ToDictionary(t => t.Name, StringComparer.Ordinal);
        var options = new ChatOptions { Tools = tools.Count > 0 ? [.. tools] : null };
        var text = new StringBuilder();
        long input = 0,
            output = 0;

        for (var round = 1; round <= settings.MaxToolRounds; round++)
        {
            var response = await StreamRoundAsync(turn, client, messages, options, text, ct);
            input += response.Usage?.InputTokenCount ?? 0;
            output += response.Usage?.OutputTokenCount ?? 0;
            messages.AddRange(response.Messages);

            var calls = response.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>().ToList();
            if (calls.Count == 0)
                return new LoopResult(text.ToString(), uses, new TokenUsage(input, output), round);

            // Sequential on purpose: events stay in order and a held approval doesn't race the calls after it.
            var results = new List<AIContent>();
            foreach (var call in calls)
            {
                var (result, use) = await executor.ExecuteAsync(turn, byName.GetValueOrDefault(call.Name), call, ct);
                results.Add(result);
                uses.Add(use);
            }
            messages.Add(new ChatMessage(ChatRole.Tool, results));
        }

        var stop = $"\n\n_I stopped after {settings.MaxToolRounds} rounds of tool calls without a final answer. Try a narrower question._";
        await turn.EmitAsync(new ChunkEvent(stop), ct);
        text.Append(stop);
        return new LoopResult(text.ToString(), uses, new TokenUsage(input, output), settings.MaxToolRounds);
    }

    /// <summary>The direct tier: the host makes the routed call itself, recorded as if the model had asked for it.</summary>
    public async Task RunDirectCallAsync(
        ChatTurn turn,
        McpToolDeclaration tool,
        Dictionary<string, object?> arguments,
        List<ChatMessage> messages,
        List<ToolUse> uses,
        CancellationToken ct,
        OfflineAnswer? answer = null
    )
    {
        var call = new FunctionCallContent($"direct_{Guid.NewGuid():N}", tool.Name, arguments);
        // The plan's answer shape rides with the call, so the Offline client reads the result the way it was asked.
        if (answer is not null)
            call.AdditionalProperties = new() { [OfflineChatClient.AnswerProperty] = answer };
        var (result, use) = await executor.ExecuteAsync(turn, tool, call, ct);
        messages.Add(new ChatMessage(ChatRole.Assistant, [call]));
        messages.Add(new ChatMessage(ChatRole.Tool, [result]));
        uses.Add(use);
    }

    private static async Task<ChatResponse> StreamRoundAsync(
        ChatTurn turn,
        IChatClient client,
        List<ChatMessage> messages,
        ChatOptions options,
        StringBuilder text,
        CancellationToken ct
    )
    {
        var updates = new List<ChatResponseUpdate>();
        var thinking = false;
        // Text from an earlier round ("Let me look that up.") gets a paragraph break before this round's text.
        var separate = text.Length > 0;
        await foreach (var update in client.GetStreamingResponseAsync(messages, options, ct))
        {
            updates.Add(update);
            foreach (var content in update.Contents)
            {
                switch (content)
                {
                    case TextReasoningContent { Text.Length: > 0 } reasoning:
                        if (!thinking)
                            await turn.EmitAsync(new ThinkingStartEvent(), ct);
                        thinking = true;
                        await turn.EmitAsync(new ThinkingEvent(reasoning.Text), ct);
                        break;
                    case TextContent { Text.Length: > 0 } chunk:
                        if (thinking)
                            await turn.EmitAsync(new ThinkingEndEvent(), ct);
                        thinking = false;
                        var piece = separate ? "\n\n" + chunk.Text : chunk.Text;
                        separate = false;
                        text.Append(piece);
                        await turn.EmitAsync(new ChunkEvent(piece), ct);
                        break;
                }
            }
        }
        if (thinking)
            await turn.EmitAsync(new ThinkingEndEvent(), ct);
        return updates.ToChatResponse();
    }
}
