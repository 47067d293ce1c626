using Microsoft.Extensions.Options;
using Mosaic.Server.Agent;
using Mosaic.Server.Chat;
using Mosaic.Server.Configuration;
using Mosaic.Server.Connectors.Hub;
using Mosaic.Server.Digest;
using Mosaic.Server.Llm;

namespace Mosaic.Server.Tests.Infrastructure;

/// <summary>Every settings type binds its variables, and a bad value stops start-up naming the variable and what it accepts.</summary>
public sealed class SettingsStartupTests
{
    [Theory]
    [InlineData("CHAT_MAX_TOOL_ROUNDS", "0", "CHAT_MAX_TOOL_ROUNDS must be at least 1 (got 0).")]
    [InlineData("CHAT_APPROVAL_TIMEOUT_SECONDS", "soon", "CHAT_APPROVAL_TIMEOUT_SECONDS must be a number")]
    [InlineData("TOOL_ROUTER_FAST_TIMEOUT_SECONDS", "0", "TOOL_ROUTER_FAST_TIMEOUT_SECONDS must be more than 0 (got 0).")]
    [InlineData("AGENT_MIN_CONFIDENCE", "1.5", "AGENT_MIN_CONFIDENCE must be between 0 and 1 (got 1.5).")]
    [InlineData("AGENT_MAX_SOURCES", "four", "AGENT_MAX_SOURCES must be a whole number (got 'four').")]
    [InlineData("AGENT_PEOPLE_CACHE_SECONDS", "-5", "AGENT_PEOPLE_CACHE_SECONDS must be more than 0 (got -5).")]
    [InlineData("LLM_MAX_OUTPUT_TOKENS", "4k", "LLM_MAX_OUTPUT_TOKENS must be a whole number (got '4k').")]
    [InlineData("MOSAIC_LLM_PROVIDER", "gemini", "MOSAIC_LLM_PROVIDER must be one of anthropic, openai, offline.")]
    [InlineData("OPENAI_BASE_URL", "localhost:11434/v1", "OPENAI_BASE_URL must be an absolute http:// or https:// URL")]
    [InlineData("MCP_CALL_TIMEOUT", "-1", "MCP_CALL_TIMEOUT must be more than 0 (got -1).")]
    [InlineData("MCP_MAX_SESSIONS", "lots", "MCP_MAX_SESSIONS must be a whole number (got 'lots').")]
    [InlineData("MCP_BUSY_RETRY_AFTER_SECONDS", "0", "MCP_BUSY_RETRY_AFTER_SECONDS must be at least 1 (got 0).")]
    [InlineData("MOSAIC_CONNECTOR_ISOLATION", "pooled", "MOSAIC_CONNECTOR_ISOLATION must be shared or process.")]
    [InlineData("MCP_POOL_MAX_PER_SOURCE", "0", "MCP_POOL_MAX_PER_SOURCE must be between 1 and 64 (got 0).")]
    [InlineData("MOSAIC_CONNECTOR_URL_SLACK", "http://10.0.0.5:7101/mcp", "MOSAIC_CONNECTOR_URL_SLACK must use https unless it points")]
    [InlineData("MOSAIC_CONNECTOR_URL_JIRA", "connectors:7101", "MOSAIC_CONNECTOR_URL_JIRA must be an absolute http(s) URL")]
    [InlineData("MOSAIC_CONNECTOR_URL_GITHUB", "https://connectors.internal/mcp", "MOSAIC_CONNECTOR_KEY must be set when")]
    [InlineData("DIGEST_CACHE_SECONDS", "0", "DIGEST_CACHE_SECONDS must be more than 0 (got 0).")]
    [InlineData("DIGEST_SOURCE_TIMEOUT_SECONDS", "45s", "DIGEST_SOURCE_TIMEOUT_SECONDS must be a number")]
    [InlineData("BACKEND_PORT", "http", "BACKEND_PORT must be a whole number (got 'http').")]
    [InlineData("RATE_LIMIT_ENABLED", "maybe", "RATE_LIMIT_ENABLED must be true or false (got 'maybe').")]
    public async Task A_bad_value_stops_start_up_naming_the_variable(string variable, string value, string message)
    {
        await using var app = await MosaicAppFactory.StartNewAsync(f => f.Settings[variable] = value);

        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        Assert.Contains(message, error.ToString());
    }

    [Fact]
    public async Task A_forced_provider_that_is_not_configured_stops_start_up_saying_what_to_set()
    {
        await using var app = await MosaicAppFactory.StartNewAsync(f => f.Settings["MOSAIC_LLM_PROVIDER"] = "anthropic");
        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());
        Assert.Contains("MOSAIC_LLM_PROVIDER=anthropic needs ANTHROPIC_API_KEY.", error.ToString());
    }

    [Fact]
    public async Task Every_bad_value_is_reported_at_once()
    {
        await using var app = await MosaicAppFactory.StartNewAsync(f =>
        {
            f.Settings["CHAT_MAX_TOOL_ROUNDS"] = "-1";
            f.Settings["CHAT_HISTORY_MESSAGES"] = "0";
        });
        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient()).ToString();
        Assert.Contains("CHAT_MAX_TOOL_ROUNDS must be at least 1 (got -1).", error);
        Assert.Contains("CHAT_HISTORY_MESSAGES must be at least 1 (got 0).", error);
    }

    [Fact]
    public async Task Good_values_bind_to_every_settings_type()
    {
        await using var app = await MosaicAppFactory.StartNewAsync(f =>
        {
            f.Settings["CHAT_MAX_TOOL_ROUNDS"] = "3";
            f.Settings["CHAT_APPROVAL_TIMEOUT_SECONDS"] = "2.5";
            f.Settings["CHAT_TURN_HEARTBEAT_SECONDS"] = "4";
            f.Settings["TOOL_ROUTER_FAST_TIMEOUT_SECONDS"] = "7";
            f.Settings["AGENT_MIN_CONFIDENCE"] = "0.5";
            f.Settings["AGENT_SOURCE_TIMEOUT_SECONDS"] = "90";
            f.Settings["AGENT_PEOPLE_CACHE_SECONDS"] = "60";
            f.Settings["LLM_MAX_OUTPUT_TOKENS"] = "1000";
            f.Settings["ANTHROPIC_MODEL"] = "  ";
            f.Settings["CHAT_HISTORY_MESSAGES"] = ""; // blank: the default
            f.Settings["CONNECTION_IDLE_TIMEOUT"] = "120";
            f.Settings["MCP_CALL_TIMEOUT"] = "12.5";
            f.Settings["MCP_MAX_SESSIONS_PER_USER"] = "3";
            f.Settings["MCP_BREAKER_FAILURES"] = "5";
            f.Settings["MCP_RESULT_CACHE_SECONDS"] = "45";
            f.Settings["MCP_BUSY_RETRY_AFTER_SECONDS"] = "9";
            f.Settings["MCP_INHERITED_VARIABLES"] = "HTTP_USER_AGENT, CORP_CA";
            f.Settings["DIGEST_CACHE_SECONDS"] = "600";
            f.Settings["DIGEST_SUMMARY_TIMEOUT_SECONDS"] = "20";
        });
        using var client = app.CreateClient();

        var chat = app.Services.GetRequiredService<ChatSettings>();
        Assert.Equal((3, TimeSpan.FromSeconds(2.5)), (chat.MaxToolRounds, chat.ApprovalTimeout));
        Assert.Equal(TimeSpan.FromSeconds(12), chat.TurnStaleAfter);
        Assert.Equal((TimeSpan.FromSeconds(7), 20), (chat.FastTierTimeout, chat.HistoryMessages));
        var agent = app.Services.GetRequiredService<AgentSettings>();
        Assert.Equal((0.5, TimeSpan.FromSeconds(90)), (agent.MinConfidence, agent.SourceTimeout));
        Assert.Equal(TimeSpan.FromMinutes(1), agent.PeopleCacheTtl);
        var llm = app.Services.GetRequiredService<LlmSettings>();
        Assert.Equal((1000, "claude-sonnet-4-5", null), (llm.MaxOutputTokens, llm.AnthropicModel, llm.Provider)); // blank: the default
        var hub = app.Services.GetRequiredService<IOptions<McpHubOptions>>().Value;
        Assert.Equal(
            (TimeSpan.FromMinutes(2), TimeSpan.FromSeconds(12.5), 3, 5),
            (hub.IdleTimeout, hub.CallTimeout, hub.MaxSessionsPerUser, hub.BreakerFailureThreshold)
        );
        Assert.Equal((TimeSpan.FromSeconds(45), TimeSpan.FromSeconds(9), 64), (hub.ResultCacheTtl, hub.BusyRetryAfter, hub.MaxSessions));
        Assert.Equal(["HTTP_USER_AGENT", "CORP_CA"], hub.InheritedVariables);
        var digest = app.Services.GetRequiredService<DigestSettings>();
        Assert.Equal(
            (TimeSpan.FromMinutes(10), TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(45)),
            (digest.CacheTtl, digest.SummaryTimeout, digest.SourceTimeout)
        );
    }

    [Fact]
    public void Reading_outside_the_host_reports_an_unreadable_value_by_name()
    {
        var config = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["MCP_MAX_SESSIONS"] = "1e3" })
            .Build();
        var error = Assert.Throws<OptionsValidationException>(() => SettingsBinding.Read<McpHubOptions>(config));
        Assert.Equal("MCP_MAX_SESSIONS must be a whole number (got '1e3').", Assert.Single(error.Failures));
    }
}
