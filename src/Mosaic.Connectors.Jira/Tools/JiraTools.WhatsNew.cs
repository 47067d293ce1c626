using System.ComponentModel;
using System.Globalization;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Mosaic.Connectors.Common.Results;
using static Mosaic.Connectors.Jira.JiraClient;

namespace Mosaic.Connectors.Jira.Tools;

public sealed partial class JiraTools
{
    [McpServerTool(Name = WhatsNew.ToolName, ReadOnly = true, Idempotent = true, OpenWorld = true)]
    [Description(
        "What is new in Jira since a time: open issues assigned to the user that changed (they need action), "
            + "issues the user reported that changed, and newly created issues."
    )]
    public async Task<CallToolResult> WhatsNewAsync(
        [Description(WhatsNewWindow.SinceHelp)] string since,
        [Description(WhatsNewWindow.LimitHelp)] int? limit = null,
        [Description(WhatsNewWindow.MeHelp)] string? me = null,
        [Description(WhatsNewWindow.NowHelp)] string? now = null,
        CancellationToken cancellationToken = default
    )
    {
        var window = WhatsNewWindow.From(since, limit, me, now);
        // Relative minutes: Jira reads a date-time in the user's profile time zone, "-90m" means the same everywhere.
        var ago = $"-{Math.Ceiling((window.Now - window.Since).TotalMinutes).ToString(CultureInfo.InvariantCulture)}m";
        var queries = new (string Kind, string Jql, bool Actionable, string Verb)[]
        {
            (
                "assigned_issue",
                $"assignee = currentUser() AND statusCategory != Done AND updated >= \"{ago}\" ORDER BY updated DESC",
                true,
                "assigned to you"
            ),
            ("reported_issue", $"reporter = currentUser() AND updated >= \"{ago}\" ORDER BY updated DESC", false, "reported by you"),
            ("new_issue", $"created >= \"{ago}\" ORDER BY created DESC", false, "new"),
        };
        var results = await Task.WhenAll(
            queries.Select(async q =>
            {
                var body = await jira.GetAsync($"search/jql?jql={Q(q.Jql)}&maxResults=20&fields={ListFields}", cancellationToken);
                return (q, Issues: body.GetProperty("issues").EnumerateArray().Take(20).Select(Item).ToList());
            })
        );
        var items = new List<WhatsNewItem>();
        foreach (var (q, issues) in results)
        foreach (var i in issues)
        {
            var priority =
                i.Priority is "Highest" or "High" ? "high"
                : q.Actionable ? "medium"
                : "low";
            items.Add(
                new(
                    $"jira-{i.Key}",
                    q.Kind,
                    $"{i.Key} {i.Summary}",
                    $"{i.Status} · {q.Verb} · {i.Priority} · {i.Assignee ?? "unassigned"}",
                    i.Url,
                    i.Assignee,
                    i.Updated,
                    q.Actionable,
                    priority
                )
            );
        }
        // An issue found by several queries appears once, under its most actionable reason (queries are in that order).
        return WhatsNew.Result(items.DistinctBy(i => i.Id).ToList(), window, "Jira");
    }
}
