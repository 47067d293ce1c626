using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.Extensions.AI;
using Mosaic.Server.Connectors.Hub;
using Mosaic.Server.Sources;

namespace Mosaic.Server.Llm.Offline;

/// <summary>
/// Offline mode: an <see cref="IChatClient"/> with no model behind it. It picks a tool by the words of
/// the question, fills simple arguments, and once the host has run the tool it renders the result as
/// markdown. When it cannot tell what was asked it says so and lists what it can do.
/// </summary>
public sealed class OfflineChatClient : IChatClient
{
    public const string ModelId = "offline";

    /// <summary>Where a planned call carries its <see cref="OfflineAnswer"/> (<c>FunctionCallContent.AdditionalProperties</c>).</summary>
    public const string AnswerProperty = "mosaic.offline_answer";

    public Task<ChatResponse> GetResponseAsync(
        IEnumerable<ChatMessage> messages,
        ChatOptions? options = null,
        CancellationToken cancellationToken = default
    )
    {
        var history = messages.ToList();
        var tools = options?.Tools?.OfType<McpToolDeclaration>().ToList() ?? [];
        var message = TrailingToolResults(history) is { Count: > 0 } results
            ? Text(RenderResults(history, results))
            : Decide(LastUserText(history), tools);
        return Task.FromResult(
            new ChatResponse(message)
            {
                ModelId = ModelId,
                FinishReason = message.Contents.OfType<FunctionCallContent>().Any() ? ChatFinishReason.ToolCalls : ChatFinishReason.Stop,
            }
        );
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages,
        ChatOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default
    )
    {
        var response = await GetResponseAsync(messages, options, cancellationToken);
        foreach (var content in response.Messages.SelectMany(m => m.Contents))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (content is TextContent text)
            {
                // Line by line, so the UI shows the answer growing the same way as with a model.
                foreach (var line in text.Text.Split('\n'))
                    yield return new ChatResponseUpdate(ChatRole.Assistant, line + "\n") { ModelId = ModelId };
            }
            else
                yield return new ChatResponseUpdate(ChatRole.Assistant, [content]) { ModelId = ModelId };
        }
        yield return new ChatResponseUpdate
        {
            Role = ChatRole.Assistant,
            FinishReason = response.FinishReason,
            ModelId = ModelId,
        };
    }

    private static ChatMessage Decide(string question, List<McpToolDeclaration> tools)
    {
        var match = ToolMatcher.Best(question, tools);
        if (match is null)
            return Text(OfflineHelp.NotUnderstood(question, tools));
        var missing = match.Tool.Schema.Required.Where(p => !match.Arguments.ContainsKey(p.Name)).ToList();
        if (missing.Count > 0)
            return Text(OfflineHelp.MissingArguments(match.Tool, missing));
        var call = new FunctionCallContent($"offline_{Guid.NewGuid():N}", match.Tool.Name, match.Arguments);
        return new ChatMessage(ChatRole.Assistant, [call]);
    }

    private static string RenderResults(List<ChatMessage> history, List<FunctionResultContent> results)
    {
        var calls = history
            .SelectMany(m => m.Contents)
            .OfType<FunctionCallContent>()
            .GroupBy(c => c.CallId)
            .ToDictionary(g => g.Key, g => g.Last());
        var sb = new StringBuilder();
        foreach (var r in results)
        {
            var call = calls.GetValueOrDefault(r.CallId);
            var tool = call?.Name ?? "tool";
            var raw = r.RawRepresentation as McpToolResult;
            var text = raw?.Text ?? r.Result?.ToString() ?? "";
            var isError = raw?.IsError ?? r.Exception is not null;
            // A planned call says how its answer reads: the fact first, so no tool label before it.
            if (call?.AdditionalProperties?.GetValueOrDefault(AnswerProperty) is OfflineAnswer answer)
                sb.AppendLine(AnswerRenderer.Render(tool, answer, isError, text, raw?.Structured));
            else
            {
                if (results.Count > 1 || raw is null or { IsError: false })
                    sb.AppendLine($"**{tool}**\n");
                sb.AppendLine(MarkdownRenderer.Render(tool, isError, text, raw?.Structured));
            }
            sb.AppendLine();
        }
        return sb.ToString().TrimEnd();
    }

    /// <summary>Results the host appended after the last assistant turn: the answer to render now.</summary>
    private static List<FunctionResultContent> TrailingToolResults(List<ChatMessage> history) =>
        history
            .AsEnumerable()
            .Reverse()
            .TakeWhile(m => m.Role == ChatRole.Tool)
            .Reverse()
            .SelectMany(m => m.Contents)
            .OfType<FunctionResultContent>()
            .ToList();

    private static string LastUserText(List<ChatMessage> history) => history.LastOrDefault(m => m.Role == ChatRole.User)?.Text ?? "";

    private static ChatMessage Text(string text) => new(ChatRole.Assistant, text);

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType.IsInstanceOfType(this) ? this
        : serviceType == typeof(ChatClientMetadata) ? new ChatClientMetadata(LlmProviderNames.Offline, defaultModelId: ModelId)
        : null;

    public void Dispose() { }
}
