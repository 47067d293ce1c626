using System.Diagnostics;

namespace Mosaic.Server.Telemetry;

/// <summary>
/// Mosaic's own spans (ActivitySource "Mosaic") and their names. StartActivity returns null while nothing listens
/// (no exporter configured), so the calls cost one check. Attributes carry ids, names and outcomes only: never a
/// message, an answer, tool arguments or results, a credential.
/// </summary>
public static class MosaicTelemetry
{
    public const string Name = "Mosaic";

    /// <summary>The MCP C# SDK's own spans and metrics (a tools/call's client span, a session's requests).</summary>
    public const string McpSdkName = "Experimental.ModelContextProtocol";

    public static readonly ActivitySource Source = new(Name);

    public static class Spans
    {
        public const string Turn = "chat.turn";
        public const string Route = "chat.route";

        // The stages of a turn around its tool call, so a trace (and bench/turn) shows where the host's time goes.
        /// <summary>The endpoint's checks of the question and of the session's owner.</summary>
        public const string Session = "chat.session";

        /// <summary>The user's launch settings for the source (credentials, policy), in the turn and in the hub.</summary>
        public const string Resolve = "chat.resolve";

        /// <summary>The read of the session's prior messages (and the user's name) for the model's context.</summary>
        public const string History = "chat.history";

        /// <summary>A write of the turn to chat_history: the question before the work, the answer after it.</summary>
        public const string Save = "chat.save";
        public const string AgentSource = "agent.source";
        public const string DigestSource = "digest.source";

        /// <summary>
        /// "execute_tool {tool}" as the GenAI conventions name it; the MCP SDK then adds its attributes to this span and
        /// puts its context in the request's <c>_meta.traceparent</c> instead of starting a second client span.
        /// </summary>
        public static string ToolCall(string tool) => $"execute_tool {tool}";
    }

    public static class Tags
    {
        public const string Source = "mosaic.source";
        public const string Tool = "mosaic.tool";
        public const string Outcome = "mosaic.outcome";
        public const string Cached = "mosaic.cached";
        public const string Tier = "mosaic.tier";
        public const string Provider = "mosaic.llm.provider";
        public const string TokensIn = "mosaic.llm.tokens_in";
        public const string TokensOut = "mosaic.llm.tokens_out";
        public const string Rounds = "mosaic.llm.rounds";
        public const string Items = "mosaic.digest.items";
        public const string GenAiTool = "gen_ai.tool.name";
        public const string GenAiOperation = "gen_ai.operation.name";
    }

    /// <summary>Outcome words shared by spans and metrics.</summary>
    public static class Outcomes
    {
        public const string Ok = "ok";
        public const string Error = "error";
        public const string Refused = "refused";
        public const string Cancelled = "cancelled";
    }

    /// <summary>A span of ours, as a child of whatever is current (the HTTP request, the turn).</summary>
    public static Activity? Start(string name, string source) =>
        Source.StartActivity(name, ActivityKind.Internal)?.SetTag(Tags.Source, source);

    /// <summary>Ends <paramref name="activity"/> with an outcome; anything but ok marks it as an error.</summary>
    public static void End(this Activity? activity, string outcome, string? description = null)
    {
        if (activity is null)
            return;
        activity.SetTag(Tags.Outcome, outcome);
        // The description is a fixed sentence or a failure kind, never text from a source or a person.
        activity.SetStatus(outcome == Outcomes.Ok ? ActivityStatusCode.Ok : ActivityStatusCode.Error, description);
    }
}
