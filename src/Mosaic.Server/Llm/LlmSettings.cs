namespace Mosaic.Server.Llm;

/// <summary>
/// Which model answers, read from the spec's environment variables (ANTHROPIC_*, OPENAI_*).
/// MOSAIC_LLM_PROVIDER=offline forces Offline mode even when a key is present (demos, air-gapped installs).
/// </summary>
public sealed record LlmSettings
{
    public string? Provider { get; init; }
    public string? AnthropicApiKey { get; init; }
    public string? AnthropicBaseUrl { get; init; }
    public string AnthropicModel { get; init; } = "claude-sonnet-4-5";
    public string AnthropicFastModel { get; init; } = "claude-haiku-4-5";
    public string? OpenAiBaseUrl { get; init; }
    public string? OpenAiApiKey { get; init; }
    public string? OpenAiModel { get; init; }
    public string? OpenAiFastModel { get; init; }
    public int MaxOutputTokens { get; init; } = 4096;

    public static LlmSettings From(IConfiguration config) => new()
    {
        Provider = Blank(config["MOSAIC_LLM_PROVIDER"])?.ToLowerInvariant(),
        AnthropicApiKey = Blank(config["ANTHROPIC_API_KEY"]),
        AnthropicBaseUrl = Blank(config["ANTHROPIC_BASE_URL"]),
        AnthropicModel = Blank(config["ANTHROPIC_MODEL"]) ?? "claude-sonnet-4-5",
        AnthropicFastModel = Blank(config["ANTHROPIC_FAST_MODEL"]) ?? "claude-haiku-4-5",
        OpenAiBaseUrl = Blank(config["OPENAI_BASE_URL"]),
        OpenAiApiKey = Blank(config["OPENAI_API_KEY"]),
        OpenAiModel = Blank(config["OPENAI_MODEL"]),
        OpenAiFastModel = Blank(config["OPENAI_FAST_MODEL"]),
        MaxOutputTokens = int.TryParse(config["LLM_MAX_OUTPUT_TOKENS"], out var max) && max > 0 ? max : 4096,
    };

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
