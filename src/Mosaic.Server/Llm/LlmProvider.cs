using Microsoft.Extensions.AI;

namespace Mosaic.Server.Llm;

/// <summary>The active model provider: one client for answers, an optional cheaper one for routing and detection.</summary>
/// <param name="Name">"anthropic", "openai" or "offline".</param>
/// <param name="Fast">Null when the provider has no separate fast model (Offline): routing then skips the fast tier.</param>
public sealed record LlmProvider(string Name, string Model, string? FastModel, IChatClient Chat, IChatClient? Fast)
{
    public bool IsOffline => Name == LlmProviderNames.Offline;

    /// <summary>How the UI names the mode it is in.</summary>
    public string Label => IsOffline ? "Offline mode (no language model: keyword routing and formatted tool results)" : $"{Name}: {Model}";
}

public static class LlmProviderNames
{
    public const string Anthropic = "anthropic";
    public const string OpenAi = "openai";
    public const string Offline = "offline";
}
