using System.Text.RegularExpressions;
using Mosaic.Connectors.Common.Results;

namespace Mosaic.Server.Sources;

/// <summary>
/// "What's new in Jira in the last 7 days?", "What did I miss?", "What needs my attention today?": every source
/// answers those the same way, from its <c>whats_new</c> tool (the digest's), over the period the question names or
/// the last 24 hours. One plan for all sources, so they read alike.
/// </summary>
public static partial class WhatsNewPlan
{
    /// <summary>The <c>whats_new</c> call for a what-changed question; null for any other question.</summary>
    public static PlannedCall? For(OfflineQuestion q, string sourceName)
    {
        if (!Asks().IsMatch(q.Query))
            return null;
        // "What needs my attention today?" at 01:00 means the last day, not the last hour: "today" reads as 24 hours.
        var period = q.Period is { Label: not "today" } named ? named : new QuestionPeriod(q.Now.AddHours(-24), q.Now, "the last 24 hours");
        var end = period.End > q.Now ? q.Now : period.End;
        var start = period.Start > end ? end : period.Start;
        var arguments = new Dictionary<string, object?>
        {
            ["since"] = WhatsNewWindow.Iso(start),
            ["now"] = WhatsNewWindow.Iso(end),
            ["limit"] = WhatsNewWindow.DefaultLimit,
        };
        return new(WhatsNew.ToolName, arguments)
        {
            Label = $"whats_new since {period.Label}",
            Answer = new OfflineAnswer
            {
                Searched = $"{sourceName} for what changed {When(period)}",
                Lead = o => Lead(o, sourceName, period),
            },
        };
    }

    private static string Lead(ToolOutput output, string sourceName, QuestionPeriod period)
    {
        var count = output.Items.Count;
        var actionable = output.Items.Count(i => ToolOutput.Field(i, "actionable") == "true");
        var things = count == 1 ? "1 thing" : $"{count} things";
        var need = actionable > 0 ? $"; {actionable} may need you" : "";
        return $"**{things}** changed in {sourceName} {When(period)}{need}.";
    }

    private static string When(QuestionPeriod period) =>
        period.Label.StartsWith("since", StringComparison.Ordinal) || period.Label is "today" or "yesterday"
            ? period.Label
            : "in " + period.Label;

    [GeneratedRegex(
        @"\b(what(?:'s|s| is| has)? (?:new|changed|happened)|what did i miss|catch me up|(?:needs?|requires?) my attention|"
            + @"any (?:news|updates?|changes)|recent (?:changes|activity|updates))\b",
        RegexOptions.IgnoreCase
    )]
    private static partial Regex Asks();
}
