using System.ComponentModel.DataAnnotations;

namespace Mosaic.Server.Chat;

/// <summary>Bounds of the chat loop, each set by the environment variable named on it (docs/configuration.md).</summary>
public sealed record ChatSettings
{
    /// <summary>Model ↔ tool rounds per message before the loop stops (a runaway model costs money).</summary>
    [ConfigurationKeyName("CHAT_MAX_TOOL_ROUNDS"), Range(1, int.MaxValue)]
    public int MaxToolRounds { get; init; } = 8;

    /// <summary>Earlier messages of the session sent along as context.</summary>
    [ConfigurationKeyName("CHAT_HISTORY_MESSAGES"), Range(1, int.MaxValue)]
    public int HistoryMessages { get; init; } = 20;

    /// <summary>A source with more tools than this has the fast model narrow them first.</summary>
    [ConfigurationKeyName("TOOL_ROUTER_FAST_THRESHOLD"), Range(1, int.MaxValue)]
    public int FastTierToolThreshold { get; init; } = 8;

    [ConfigurationKeyName("TOOL_ROUTER_FAST_MAX_TOOLS"), Range(1, int.MaxValue)]
    public int FastTierMaxTools { get; init; } = 5;

    /// <summary>How long the fast model may take to narrow the tools; past it every tool is offered.</summary>
    [ConfigurationKeyName("TOOL_ROUTER_FAST_TIMEOUT_SECONDS"), Range(0d, double.MaxValue, MinimumIsExclusive = true)]
    public double FastTierTimeoutSeconds { get; init; } = 15;

    public TimeSpan FastTierTimeout
    {
        get => TimeSpan.FromSeconds(FastTierTimeoutSeconds);
        init => FastTierTimeoutSeconds = value.TotalSeconds;
    }

    /// <summary>With a model, only short questions take the direct tier; longer ones deserve the model's judgement.</summary>
    [ConfigurationKeyName("TOOL_ROUTER_DIRECT_MAX_WORDS"), Range(1, int.MaxValue)]
    public int DirectTierMaxWords { get; init; } = 12;

    [ConfigurationKeyName("CHAT_APPROVAL_TIMEOUT_SECONDS"), Range(0d, double.MaxValue, MinimumIsExclusive = true)]
    public double ApprovalTimeoutSeconds { get; init; } = 300;

    public TimeSpan ApprovalTimeout
    {
        get => TimeSpan.FromSeconds(ApprovalTimeoutSeconds);
        init => ApprovalTimeoutSeconds = value.TotalSeconds;
    }

    /// <summary>Longest tool result handed to the model; connectors budget their output, this is the backstop.</summary>
    [ConfigurationKeyName("CHAT_TOOL_RESULT_MAX_CHARS"), Range(1, int.MaxValue)]
    public int ToolResultMaxChars { get; init; } = 40_000;

    [ConfigurationKeyName("CHAT_MAX_MESSAGE_CHARS"), Range(1, int.MaxValue)]
    public int MaxMessageChars { get; init; } = 10_000;

    /// <summary>How often the process answering a turn tells the database it is still at it (see <see cref="TurnHeartbeat"/>).</summary>
    [ConfigurationKeyName("CHAT_TURN_HEARTBEAT_SECONDS"), Range(0d, double.MaxValue, MinimumIsExclusive = true)]
    public double TurnHeartbeatSeconds { get; init; } = 10;

    public TimeSpan TurnHeartbeat
    {
        get => TimeSpan.FromSeconds(TurnHeartbeatSeconds);
        init => TurnHeartbeatSeconds = value.TotalSeconds;
    }

    /// <summary>An in-progress turn whose heartbeat is this old lost its process: three beats missed, not one slow write.</summary>
    public TimeSpan TurnStaleAfter => TurnHeartbeat * 3;
}
