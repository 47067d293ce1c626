using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using Mosaic.Server.Configuration;

namespace Mosaic.Server.Llm;

/// <summary>
/// Which model answers, read from the environment variables of docs/configuration.md (ANTHROPIC_*, OPENAI_*).
/// MOSAIC_LLM_PROVIDER=offline forces Offline mode even when a key is present (demos, air-gapped installs).
/// A blank value counts as unset.
/// </summary>
public sealed record LlmSettings
{
    [ConfigurationKeyName("MOSAIC_LLM_PROVIDER")]
    [OneOf(LlmProviderNames.Anthropic, LlmProviderNames.OpenAi, LlmProviderNames.Offline)]
    public string? Provider
    {
        get;
        init => field = Blank(value)?.ToLowerInvariant();
    }

    [ConfigurationKeyName("ANTHROPIC_API_KEY")]
    public string? AnthropicApiKey
    {
        get;
        init => field = Blank(value);
    }

    [ConfigurationKeyName("ANTHROPIC_BASE_URL"), HttpUrl]
    public string? AnthropicBaseUrl
    {
        get;
        init => field = Blank(value);
    }

    [ConfigurationKeyName("ANTHROPIC_MODEL")]
    public string AnthropicModel
    {
        get;
        init => field = Blank(value) ?? DefaultAnthropicModel;
    } = DefaultAnthropicModel;

    [ConfigurationKeyName("ANTHROPIC_FAST_MODEL")]
    public string AnthropicFastModel
    {
        get;
        init => field = Blank(value) ?? DefaultAnthropicFastModel;
    } = DefaultAnthropicFastModel;

    [ConfigurationKeyName("OPENAI_BASE_URL"), HttpUrl]
    public string? OpenAiBaseUrl
    {
        get;
        init => field = Blank(value);
    }

    [ConfigurationKeyName("OPENAI_API_KEY")]
    public string? OpenAiApiKey
    {
        get;
        init => field = Blank(value);
    }

    [ConfigurationKeyName("OPENAI_MODEL")]
    public string? OpenAiModel
    {
        get;
        init => field = Blank(value);
    }

    [ConfigurationKeyName("OPENAI_FAST_MODEL")]
    public string? OpenAiFastModel
    {
        get;
        init => field = Blank(value);
    }

    [ConfigurationKeyName("LLM_MAX_OUTPUT_TOKENS"), Range(1, int.MaxValue)]
    public int MaxOutputTokens { get; init; } = 4096;

    const string DefaultAnthropicModel = "claude-sonnet-4-5";
    const string DefaultAnthropicFastModel = "claude-haiku-4-5";

    static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary>A provider forced by MOSAIC_LLM_PROVIDER must be configured, or start-up stops saying what to set.</summary>
internal sealed class LlmSettingsValidator : IValidateOptions<LlmSettings>
{
    public ValidateOptionsResult Validate(string? name, LlmSettings s) =>
        s.Provider switch
        {
            LlmProviderNames.Anthropic when s.AnthropicApiKey is null => ValidateOptionsResult.Fail(
                "MOSAIC_LLM_PROVIDER=anthropic needs ANTHROPIC_API_KEY."
            ),
            LlmProviderNames.OpenAi when s.OpenAiModel is null || (s.OpenAiBaseUrl is null && s.OpenAiApiKey is null) =>
                ValidateOptionsResult.Fail("MOSAIC_LLM_PROVIDER=openai needs OPENAI_MODEL and OPENAI_BASE_URL (or OPENAI_API_KEY)."),
            _ => ValidateOptionsResult.Success,
        };
}
