namespace Mosaic.Server.Chat;

/// <summary>Bounds of the chat loop, each overridable by an environment variable of the same name in CAPS.</summary>
public sealed record ChatSettings
{
    /// <summary>Model ↔ tool rounds per message before the loop stops (a runaway model costs money).</summary>
    public int MaxToolRounds { get; init; } = 8;
    /// <summary>Earlier messages of the session sent along as context.</summary>
    public int HistoryMessages { get; init; } = 20;
    /// <summary>A source with more tools than this has the fast model narrow them first.</summary>
    public int FastTierToolThreshold { get; init; } = 8;
    public int FastTierMaxTools { get; init; } = 5;
    public TimeSpan FastTierTimeout { get; init; } = TimeSpan.FromSeconds(15);
    /// <summary>With a model, only short questions take the direct tier; longer ones deserve the model's judgement.</summary>
    public int DirectTierMaxWords { get; init; } = 12;
    public TimeSpan ApprovalTimeout { get; init; } = TimeSpan.FromMinutes(5);
    /// <summary>Longest tool result handed to the model; connectors budget their output, this is the backstop.</summary>
    public int ToolResultMaxChars { get; init; } = 40_000;
    public int MaxMessageChars { get; init; } = 10_000;
    /// <summary>How often the process answering a turn tells the database it is still at it (see <see cref="TurnHeartbeat"/>).</summary>
    public TimeSpan TurnHeartbeat { get; init; } = TimeSpan.FromSeconds(10);
    /// <summary>An in-progress turn whose heartbeat is this old lost its process: three beats missed, not one slow write.</summary>
    public TimeSpan TurnStaleAfter => TurnHeartbeat * 3;

    public static ChatSettings From(IConfiguration config)
    {
        var d = new ChatSettings();
        return new ChatSettings
        {
            MaxToolRounds = Int(config, "CHAT_MAX_TOOL_ROUNDS", d.MaxToolRounds),
            HistoryMessages = Int(config, "CHAT_HISTORY_MESSAGES", d.HistoryMessages),
            FastTierToolThreshold = Int(config, "TOOL_ROUTER_FAST_THRESHOLD", d.FastTierToolThreshold),
            FastTierMaxTools = Int(config, "TOOL_ROUTER_FAST_MAX_TOOLS", d.FastTierMaxTools),
            DirectTierMaxWords = Int(config, "TOOL_ROUTER_DIRECT_MAX_WORDS", d.DirectTierMaxWords),
            ApprovalTimeout = TimeSpan.FromSeconds(Int(config, "CHAT_APPROVAL_TIMEOUT_SECONDS", (int)d.ApprovalTimeout.TotalSeconds)),
            ToolResultMaxChars = Int(config, "CHAT_TOOL_RESULT_MAX_CHARS", d.ToolResultMaxChars),
            MaxMessageChars = Int(config, "CHAT_MAX_MESSAGE_CHARS", d.MaxMessageChars),
            TurnHeartbeat = TimeSpan.FromSeconds(Int(config, "CHAT_TURN_HEARTBEAT_SECONDS", (int)d.TurnHeartbeat.TotalSeconds)),
        };
    }

    private static int Int(IConfiguration config, string key, int fallback) =>
        int.TryParse(config[key], out var v) && v > 0 ? v : fallback;
}
