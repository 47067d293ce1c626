using System.ClientModel;
using Anthropic;
using Microsoft.Extensions.AI;
using Mosaic.Server.Llm.Offline;
using OpenAI;

namespace Mosaic.Server.Llm;

/// <summary>Picks the provider once at start-up: Anthropic if keyed, else an OpenAI-compatible endpoint, else Offline.</summary>
public static class LlmProviderFactory
{
    public static LlmProvider Create(LlmSettings settings, ILogger logger)
    {
        var provider = settings.Provider switch
        {
            LlmProviderNames.Offline => Offline(),
            LlmProviderNames.OpenAi => OpenAi(settings) ?? throw Misconfigured("OPENAI_BASE_URL or OPENAI_MODEL"),
            LlmProviderNames.Anthropic => Anthropic(settings) ?? throw Misconfigured("ANTHROPIC_API_KEY"),
            null => Anthropic(settings) ?? OpenAi(settings) ?? Offline(),
            var other => throw new InvalidOperationException($"MOSAIC_LLM_PROVIDER='{other}' is not one of anthropic, openai, offline."),
        };
        logger.LogInformation(
            "LLM provider: {Provider} (model {Model}, fast model {FastModel})",
            provider.Name,
            provider.Model,
            provider.FastModel ?? "none"
        );
        return provider;
    }

    private static LlmProvider? Anthropic(LlmSettings s)
    {
        if (s.AnthropicApiKey is null)
            return null;
        var client = s.AnthropicBaseUrl is null
            ? new AnthropicClient { ApiKey = s.AnthropicApiKey, MaxRetries = 2 }
            : new AnthropicClient
            {
                ApiKey = s.AnthropicApiKey,
                MaxRetries = 2,
                BaseUrl = s.AnthropicBaseUrl.TrimEnd('/'),
            };
        return new LlmProvider(
            LlmProviderNames.Anthropic,
            s.AnthropicModel,
            s.AnthropicFastModel,
            client.AsIChatClient(s.AnthropicModel, s.MaxOutputTokens),
            client.AsIChatClient(s.AnthropicFastModel, 1024)
        );
    }

    private static LlmProvider? OpenAi(LlmSettings s)
    {
        if (s.OpenAiModel is null || (s.OpenAiBaseUrl is null && s.OpenAiApiKey is null))
            return null;
        // Local servers (Ollama, vLLM, LM Studio) ignore the key, but the SDK insists on one.
        var options = new OpenAIClientOptions();
        if (s.OpenAiBaseUrl is not null)
            options.Endpoint = new Uri(s.OpenAiBaseUrl);
        var client = new OpenAIClient(new ApiKeyCredential(s.OpenAiApiKey ?? "unused"), options);
        var fastModel = s.OpenAiFastModel ?? s.OpenAiModel;
        return new LlmProvider(
            LlmProviderNames.OpenAi,
            s.OpenAiModel,
            fastModel,
            client.GetChatClient(s.OpenAiModel).AsIChatClient(),
            client.GetChatClient(fastModel).AsIChatClient()
        );
    }

    private static LlmProvider Offline() => new(LlmProviderNames.Offline, "offline", null, new OfflineChatClient(), null);

    private static InvalidOperationException Misconfigured(string what) =>
        new($"MOSAIC_LLM_PROVIDER asks for a provider that is not configured: set {what}.");
}
