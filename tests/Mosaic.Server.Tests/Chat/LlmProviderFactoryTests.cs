using Microsoft.Extensions.Logging.Abstractions;
using Mosaic.Server.Configuration;
using Mosaic.Server.Llm;

namespace Mosaic.Server.Tests.Chat;

public sealed class LlmProviderFactoryTests
{
    private static LlmProvider Create(Dictionary<string, string?> env) =>
        LlmProviderFactory.Create(
            SettingsBinding.Read<LlmSettings>(new ConfigurationBuilder().AddInMemoryCollection(env).Build()),
            NullLogger.Instance
        );

    [Fact]
    public void Anthropic_when_keyed_with_configurable_models()
    {
        var p = Create(
            new()
            {
                ["ANTHROPIC_API_KEY"] = "sk-ant-x",
                ["OPENAI_MODEL"] = "llama3",
                ["OPENAI_BASE_URL"] = "http://127.0.0.1:1/v1",
            }
        );
        Assert.Equal(("anthropic", "claude-sonnet-4-5", "claude-haiku-4-5"), (p.Name, p.Model, p.FastModel));
        Assert.NotNull(p.Fast);
        p = Create(
            new()
            {
                ["ANTHROPIC_API_KEY"] = "sk-ant-x",
                ["ANTHROPIC_MODEL"] = "claude-opus-4-1",
                ["ANTHROPIC_FAST_MODEL"] = "claude-3-5-haiku-latest",
            }
        );
        Assert.Equal(("claude-opus-4-1", "claude-3-5-haiku-latest"), (p.Model, p.FastModel));
    }

    [Fact]
    public void OpenAi_compatible_when_an_endpoint_and_model_are_set()
    {
        var p = Create(new() { ["OPENAI_BASE_URL"] = "http://127.0.0.1:11434/v1", ["OPENAI_MODEL"] = "llama3.1" });
        Assert.Equal(("openai", "llama3.1", "llama3.1"), (p.Name, p.Model, p.FastModel));
        Assert.Equal(
            "openai",
            Microsoft.Extensions.AI.ChatClientExtensions.GetService<Microsoft.Extensions.AI.ChatClientMetadata>(p.Chat)?.ProviderName
        );
    }

    [Fact]
    public void Offline_by_default_or_when_asked()
    {
        Assert.True(Create([]).IsOffline);
        Assert.Null(Create([]).Fast);
        Assert.True(Create(new() { ["ANTHROPIC_API_KEY"] = "sk-ant-x", ["MOSAIC_LLM_PROVIDER"] = "offline" }).IsOffline);
    }

    [Fact]
    public void Asking_for_a_provider_that_is_not_configured_fails_at_start()
    {
        var e = Assert.Throws<InvalidOperationException>(() => Create(new() { ["MOSAIC_LLM_PROVIDER"] = "anthropic" }));
        Assert.Contains("ANTHROPIC_API_KEY", e.Message);
        Assert.Throws<InvalidOperationException>(() => Create(new() { ["MOSAIC_LLM_PROVIDER"] = "gemini" }));
    }
}
