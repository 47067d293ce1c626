using System.Globalization;
using Mosaic.Server.Connectors.Hub;

namespace Mosaic.Server.Sources;

/// <summary>
/// A tool call planned for a source (Offline mode): the host makes it directly, so nothing is written as text
/// to be parsed again. <see cref="Label"/> is only what the plan shows.
/// </summary>
public sealed record PlannedCall(string Tool, IReadOnlyDictionary<string, object?> Arguments)
{
    public PlannedCall(string tool)
        : this(tool, new Dictionary<string, object?>()) { }

    /// <summary>A full-text search: the tool with <c>query</c> set to the phrase, or with nothing when there is none.</summary>
    public static PlannedCall Search(string tool, string phrase) =>
        phrase.Length == 0
            ? new(tool)
            : new(tool, new Dictionary<string, object?> { ["query"] = phrase }) { Label = $"{tool} query=\"{phrase}\"" };

    /// <summary>
    /// The source's catch-all for a question it did not recognise (a full-text search). The agent makes it anyway;
    /// single-source chat first tries its own tool matching and makes this only when no tool's words fit.
    /// </summary>
    public bool Fallback { get; init; }

    /// <summary>How the Offline answer reads (the fact it leads with, what was searched); null: the result as it is.</summary>
    public OfflineAnswer? Answer { get; init; }

    /// <summary>How the plan shows the call; by default the tool and its arguments, e.g. "get_order order=#1042".</summary>
    public string Label
    {
        get => field ?? Describe();
        init;
    }

    private string Describe() => string.Join(' ', [Tool, .. Arguments.Select(a => $"{a.Key}={Show(a.Value)}")]);

    private static string? Show(object? value) =>
        value switch
        {
            bool b => b ? "true" : "false",
            string s when s.Length == 0 || s.Any(c => char.IsWhiteSpace(c) || c == '"') => $"\"{s}\"",
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value?.ToString(),
        };
}

/// <summary>A question as an Offline plan sees it, with what a plan may need to look something up first.</summary>
/// <param name="Now">The server's clock (the demo's under MOSAIC_FAKE_NOW), for periods such as "yesterday".</param>
public sealed record OfflineQuestion(string UserId, string Query, IMcpHub Hub, ILogger Logger, DateTimeOffset Now)
{
    /// <summary>Up to three distinctive words (<see cref="SourceKeywords"/>).</summary>
    public IReadOnlyList<string> Keywords { get; } = SourceKeywords.Of(Query);

    /// <summary>The keywords as one search phrase; empty when there are none.</summary>
    public string Phrase => string.Join(' ', Keywords);

    public string Lower => Query.ToLowerInvariant();

    /// <summary>The period the question names ("in the last 7 days"), or null.</summary>
    public QuestionPeriod? Period => QuestionPeriod.Find(Query, Now);
}
