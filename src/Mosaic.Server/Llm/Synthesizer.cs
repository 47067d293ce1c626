using System.Text;
using Microsoft.Extensions.AI;

namespace Mosaic.Server.Llm;

/// <summary>
/// Writes one text from gathered facts (the agent's answer, the digest's summary). Chosen once where services are
/// registered: <see cref="ModelSynthesizer"/> with a model, <see cref="ExtractiveSynthesizer"/> in Offline mode.
/// </summary>
public interface ISynthesizer
{
    /// <summary>The text written for the prompt, each piece passed to <paramref name="onChunk"/> as it comes;
    /// null when there is no model to write it, and the caller's own extractive text is the answer.</summary>
    Task<string?> WriteAsync(SynthesisPrompt prompt, Func<string, ValueTask>? onChunk, CancellationToken ct);
}

/// <param name="Fast">Written by the fast model when there is one (short summaries).</param>
public sealed record SynthesisPrompt(string System, string User, bool Fast = false)
{
    public float Temperature { get; init; } = 0.2f;
    public int? MaxOutputTokens { get; init; }
    public TimeSpan? Timeout { get; init; }
}

/// <summary>The model writes; a failure throws, so each caller can fall back to its extractive text.</summary>
public sealed class ModelSynthesizer(LlmProvider llm) : ISynthesizer
{
    public async Task<string?> WriteAsync(SynthesisPrompt prompt, Func<string, ValueTask>? onChunk, CancellationToken ct)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        if (prompt.Timeout is { } timeout)
            limit.CancelAfter(timeout);
        var client = prompt.Fast ? llm.Fast ?? llm.Chat : llm.Chat;
        List<ChatMessage> messages = [new(ChatRole.System, prompt.System), new(ChatRole.User, prompt.User)];
        var options = new ChatOptions { Temperature = prompt.Temperature, MaxOutputTokens = prompt.MaxOutputTokens };
        if (onChunk is null)
            return (await client.GetResponseAsync(messages, options, limit.Token)).Text;
        var text = new StringBuilder();
        await foreach (var update in client.GetStreamingResponseAsync(messages, options, limit.Token))
        {
            if (update.Text is not { Length: > 0 } chunk)
                continue;
            text.Append(chunk);
            await onChunk(chunk);
        }
        return text.ToString();
    }
}

/// <summary>Offline: no model writes, so callers answer with their extractive text (nothing is paraphrased).</summary>
public sealed class ExtractiveSynthesizer : ISynthesizer
{
    public Task<string?> WriteAsync(SynthesisPrompt prompt, Func<string, ValueTask>? onChunk, CancellationToken ct) =>
        Task.FromResult<string?>(null);
}
