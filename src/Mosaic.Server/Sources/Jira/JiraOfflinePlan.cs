using System.Text.Json;
using System.Text.RegularExpressions;
using static Mosaic.Server.Sources.QuestionShapes;

namespace Mosaic.Server.Sources.Jira;

/// <summary>
/// Jira's Offline plans: an issue by key, who works on something, the projects, a project's or the
/// user's open issues; anything else is a text search (the fallback).
/// </summary>
internal static partial class JiraOfflinePlan
{
    public static PlannedCall Plan(OfflineQuestion q)
    {
        if (JiraSource.IssueKey().Match(q.Query) is { Success: true } key)
            return Issue(key.Value);
        if (WorkingOn(q) is { } topic && SourceKeywords.Of(topic) is { Count: > 0 } words)
            return WhoWorks(words);
        var project = ProjectKey().Match(q.Query) is { Success: true } p ? p.Groups["k"].Value : null;
        if (project is null && ProjectsList().IsMatch(q.Lower))
            return Projects();
        if (project is not null || OpenOrMine().IsMatch(q.Lower) || AssignedTo().IsMatch(q.Query))
            return Issues(q, project);
        return TextSearch(q.Phrase);
    }

    /// <summary>The catch-all: issues whose text has every word of the phrase (open ones when there is none).</summary>
    internal static PlannedCall TextSearch(string phrase)
    {
        var jql = phrase.Length > 0 ? $"text ~ '{phrase}' ORDER BY updated DESC" : "statusCategory != Done ORDER BY updated DESC";
        return new("query_jira", new Dictionary<string, object?> { ["jql"] = jql })
        {
            Fallback = true,
            Answer = new()
            {
                Searched = phrase.Length > 0 ? $"Jira issues matching “{phrase}”" : "open Jira issues",
                Lead = o => o.Items.Count == 0 ? null : $"{Counted(o, "Jira issue matches", "Jira issues match")}.",
            },
        };
    }

    internal static PlannedCall Issue(string key) =>
        new("get_issue", new Dictionary<string, object?> { ["key"] = key })
        {
            Label = $"get issue {key}",
            Answer = new() { Searched = $"the Jira issue {key}", Lead = o => o.Items.Count == 1 ? IssueLead(o.Items[0]) : null },
        };

    /// <summary>"ACME-142 (Checkout double-charges…) is **In Progress**, assigned to Bob Martinez (priority Highest)."</summary>
    internal static string IssueLead(JsonElement issue)
    {
        var f = (string path) => ToolOutput.Field(issue, path);
        var who = f("assignee") is { Length: > 0 } a ? $"assigned to {a}" : "unassigned";
        var priority = f("priority") is { Length: > 0 } p ? $" (priority {p})" : "";
        var key = f("url") is { Length: > 0 } url ? $"[{f("key")}]({url})" : f("key");
        return $"{key} ({f("summary")}) is **{f("status") ?? "without a status"}**, {who}{priority}.";
    }

    private static PlannedCall WhoWorks(IReadOnlyList<string> words)
    {
        var phrase = string.Join(' ', words);
        return new("query_jira", new Dictionary<string, object?> { ["jql"] = $"text ~ '{phrase}' ORDER BY updated DESC" })
        {
            Answer = new()
            {
                Searched = $"Jira issues matching “{phrase}”",
                Lead = o =>
                    WorkingLead(
                        o.Items.Select(i =>
                            (ToolOutput.Field(i, "assignee"), $"{ToolOutput.Field(i, "key")} ({ToolOutput.Field(i, "status")})")
                        )
                    )
                    ?? (
                        o.Items.Count > 0
                            ? $"Nobody is assigned to the {Things(o.Items.Count, "matching issue", "matching issues")}."
                            : null
                    ),
            },
        };
    }

    private static PlannedCall Projects() =>
        new("list_projects")
        {
            Answer = new()
            {
                Searched = "the Jira projects these credentials can browse",
                Lead = o =>
                    o.Items.Count == 0
                        ? null
                        : $"There {(o.Items.Count == 1 ? "is" : "are")} {Counted(o, "Jira project", "Jira projects")}: "
                            + $"{Join(o.Items.Select(p => $"{ToolOutput.Field(p, "key")} ({ToolOutput.Field(p, "name")})"))}.",
            },
        };

    /// <summary>A project's issues, or the user's ("my", "assigned to me"), open ones unless the question says otherwise.</summary>
    private static PlannedCall Issues(OfflineQuestion q, string? project)
    {
        var clauses = new List<string>();
        if (project is not null)
            clauses.Add($"project = {project}");
        var mine = Mine().IsMatch(q.Lower);
        if (mine)
            clauses.Add("assignee = currentUser()");
        // "assigned to Bob Martinez": Jira resolves a display name in JQL as it does a user's id.
        var person =
            mine ? null
            : AssignedTo().Match(q.Query) is { Success: true } a ? a.Groups["p"].Value
            : null;
        if (person is not null)
            clauses.Add($"assignee = \"{person}\"");
        var bugs = Bugs().IsMatch(q.Lower);
        if (bugs)
            clauses.Add("issuetype = Bug");
        // A state the question names; else open ones for "open" and "my" questions, and every state for a project's list.
        var named = NamedStatus().Match(q.Lower) is { Success: true } m ? m.Value : null;
        var done = named is null && Done().IsMatch(q.Lower);
        var open = named is null && !done && (Open().IsMatch(q.Lower) || (mine && !AllStates().IsMatch(q.Lower)));
        if (named is not null)
            clauses.Add($"status = \"{Title(named)}\"");
        else if (done || open)
            clauses.Add(done ? "statusCategory = Done" : "statusCategory != Done");
        var jql = $"{string.Join(" AND ", clauses)} ORDER BY updated DESC";
        var noun = bugs ? ("bug", "bugs") : ("issue", "issues");
        var state =
            named is not null ? ""
            : done ? "done "
            : open ? "open "
            : "";
        var where =
            (named is null ? "" : $" {named}")
            + (
                mine ? " assigned to you"
                : person is null ? ""
                : $" assigned to {person}"
            )
            + (project is null ? "" : $" in {project}");
        var limit = Count(q);
        var arguments = new Dictionary<string, object?> { ["jql"] = jql };
        if (limit is { } n)
            arguments["limit"] = n;
        return new("query_jira", arguments)
        {
            Answer = new()
            {
                Searched = $"{state}Jira {noun.Item2}{where}",
                Lead = o =>
                    o.Items.Count == 0
                        ? null
                        : $"There {(o.Items.Count == 1 && !o.HasMore ? "is" : "are")} "
                            + $"{Counted(o, state + noun.Item1, state + noun.Item2)}{where}.",
            },
        };
    }

    /// <summary>"in review" → "In Review", as Jira names the status.</summary>
    private static string Title(string status) => string.Join(' ', status.Split(' ').Select(w => char.ToUpperInvariant(w[0]) + w[1..]));

    /// <summary>"project ACME", "in project ACME", "the ACME project" (a key as Jira writes it, upper case).</summary>
    [GeneratedRegex(@"\bproject\s+(?<k>[A-Z][A-Z0-9]{1,9})\b|\b(?<k>[A-Z][A-Z0-9]{1,9})\s+project\b")]
    private static partial Regex ProjectKey();

    [GeneratedRegex(@"\b(which|what|list|show|all)\b.*\bprojects\b|^projects\b")]
    private static partial Regex ProjectsList();

    [GeneratedRegex(@"\b(open|unresolved|my|mine|assigned to me|to do|todo|in review|in progress)\b")]
    private static partial Regex OpenOrMine();

    [GeneratedRegex(@"\b(open|unresolved|not done)\b")]
    private static partial Regex Open();

    /// <summary>Jira's statuses as a question names them ("in review"): the issues in that status.</summary>
    [GeneratedRegex(@"\b(in review|in progress|to do)\b")]
    private static partial Regex NamedStatus();

    /// <summary>"assigned to Bob Martinez": a person's name as written, capitalised (one to three words).</summary>
    [GeneratedRegex(@"\bassigned\s+to\s+(?<p>[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+){0,2})")]
    private static partial Regex AssignedTo();

    [GeneratedRegex(@"\b(my|mine|assigned to me)\b")]
    private static partial Regex Mine();

    [GeneratedRegex(@"\bbugs?\b")]
    private static partial Regex Bugs();

    [GeneratedRegex(@"\ball (issues|tickets|bugs)\b")]
    private static partial Regex AllStates();

    [GeneratedRegex(@"\b(closed|done|resolved|finished)\b")]
    private static partial Regex Done();
}
