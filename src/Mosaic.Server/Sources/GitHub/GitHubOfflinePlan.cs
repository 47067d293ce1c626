using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using static Mosaic.Server.Sources.QuestionShapes;
using F = Mosaic.Server.Sources.ToolOutput;

namespace Mosaic.Server.Sources.GitHub;

/// <summary>
/// GitHub's Offline plans, in one repository (<see cref="GitHubRepoPicker"/>): a pull request or issue by number, who
/// works on something, CI runs, commits, branches, the open pull requests or issues; anything else lists
/// the repository's issues and pull requests (the fallback).
/// </summary>
internal static partial class GitHubOfflinePlan
{
    public static async Task<PlannedCall> PlanAsync(OfflineQuestion q, CancellationToken ct)
    {
        if (await GitHubRepoPicker.PickAsync(q, ct) is not { } repo)
            return Repositories();
        if (GitHubSource.PullRequest().Match(q.Query) is { Success: true } pr)
            return Pull(repo, Number(pr));
        if (IssueNumber().Match(q.Query) is { Success: true } issue)
            return Issue(repo, Number(issue));
        if (WorkingOn(q) is { } topic && SourceKeywords.Of(topic) is { Count: > 0 } words)
            return await WhoWorksAsync(q, repo, words, ct);
        if (Ci().IsMatch(q.Lower))
            return Runs(q, repo);
        var lower = q.Lower;
        if (Commits().IsMatch(lower))
            return Listing("list_commits", repo, "commits", ("commit", "commits"), Count(q) ?? 10, CommitLead);
        if (Branches().IsMatch(lower))
            return Listing("list_branches", repo, "branches", ("branch", "branches"), null, null);
        if (Pulls().IsMatch(lower))
            return Open("list_pull_requests", repo, State(lower), ("pull request", "pull requests"), Count(q));
        if (Issues().IsMatch(lower))
            return Open("list_issues", repo, State(lower), ("issue", "issues"), Count(q));
        // The repository's name is in every item's link: searching for it would keep everything.
        var focus = q.Keywords.Where(w => !repo.Contains(w, StringComparison.OrdinalIgnoreCase)).ToList();
        return new(
            "list_issues",
            new Dictionary<string, object?>
            {
                ["repo"] = repo,
                ["state"] = "all",
                ["include_pull_requests"] = true,
                ["limit"] = 50,
            }
        )
        {
            Fallback = true,
            Answer = new()
            {
                Searched =
                    focus.Count > 0 ? $"issues and pull requests in {repo} mentioning “{string.Join(' ', focus)}”" : $"{repo}'s issues",
                Focus = focus,
            },
        };
    }

    private static PlannedCall Repositories() =>
        new("list_repositories")
        {
            Answer = new()
            {
                Searched = "the GitHub repositories these credentials can see",
                Lead = o => o.Items.Count == 0 ? null : $"You can see {Counted(o, "repository", "repositories")}.",
            },
        };

    /// <summary>
    /// The open issues and pull requests that mention every word of the topic: GitHub lists cannot search, so the plan
    /// reads the list first and keeps those by title (a single word like "checkout" would keep half the repository).
    /// </summary>
    private static async Task<PlannedCall> WhoWorksAsync(OfflineQuestion q, string repo, IReadOnlyList<string> words, CancellationToken ct)
    {
        var arguments = new Dictionary<string, object?>
        {
            ["repo"] = repo,
            ["state"] = "open",
            ["include_pull_requests"] = true,
            ["limit"] = 100,
        };
        var listed = await PeekAsync(q, GitHubSource.Id, "list_issues", arguments, ct);
        var titles = Array(listed, "issues").Select(i => F.Field(i, "title") ?? "").Where(t => HasAll(t, words)).ToList();
        var phrase = string.Join(' ', words);
        IReadOnlyList<string> focus = titles.Count > 0 ? titles : [phrase];
        return new("list_issues", arguments)
        {
            Answer = new()
            {
                Searched = $"open issues and pull requests in {repo} about “{phrase}”",
                Focus = focus,
                Lead = o =>
                    WorkingLead(
                        Focused(o, focus)
                            .SelectMany(i =>
                            {
                                // A pull request's author works on it; an issue's author only reported it.
                                var pull = F.Field(i, "is_pull_request") == "true";
                                var people = pull ? Strings(i, "assignees").Prepend(F.Field(i, "author")) : Strings(i, "assignees");
                                var item = $"{(pull ? "PR" : "issue")} #{F.Field(i, "number")}";
                                return people.Distinct().Select(p => (p, item));
                            })
                    ),
            },
        };
    }

    /// <summary>A repository's workflow runs; only those that ended so when the question names an outcome ("failed runs").</summary>
    private static PlannedCall Runs(OfflineQuestion q, string repo)
    {
        var arguments = new Dictionary<string, object?> { ["repo"] = repo };
        var outcome = RunOutcomes.FirstOrDefault(o => Regex.IsMatch(q.Lower, o.Pattern));
        if (outcome.Conclusion is { } conclusion)
            arguments["status"] = conclusion;
        var which = outcome.Conclusion is null ? "" : $"{outcome.Words} ";
        return new("get_workflow_runs", arguments)
        {
            Answer = new()
            {
                Searched = $"{repo}'s {which}workflow runs",
                Lead = o =>
                    o.Items.FirstOrDefault() is not { ValueKind: JsonValueKind.Object } run ? null
                    : outcome.Conclusion is not null
                        ? $"{Counted(o, $"{which}workflow run", $"{which}workflow runs")} in {repo}; the latest is "
                            + $"{F.Field(run, "workflow")} on {F.Field(run, "branch")}"
                            + (F.Field(run, "title") is { } title ? $" ({title})." : ".")
                    : $"The latest {F.Field(run, "workflow")} run on {F.Field(run, "branch")} "
                        + (F.Field(run, "conclusion") is { } c ? $"ended in **{c}**" : $"is **{F.Field(run, "status")}**")
                        + (F.Field(run, "title") is { } t ? $" ({t})." : "."),
            },
        };
    }

    /// <summary>Outcomes a question names, as get_workflow_runs filters them (its status takes a conclusion too).</summary>
    private static readonly (string Pattern, string? Conclusion, string Words)[] RunOutcomes =
    [
        (@"\b(fail(ed|ing|ures?)|broken)\b", "failure", "failed"),
        (@"\b(succeeded|successful|passed|passing)\b", "success", "successful"),
        (@"\bcancel+ed\b", "cancelled", "cancelled"),
        (@"\btimed out\b", "timed_out", "timed-out"),
    ];

    private static string? CommitLead(F o, string repo) =>
        o.Items.FirstOrDefault() is { ValueKind: JsonValueKind.Object } c
            ? $"The latest commit in {repo} is “{F.Field(c, "message")?.Split('\n')[0]}” by {F.Field(c, "author")} ({F.Field(c, "date")})."
            : null;

    private static PlannedCall Listing(
        string tool,
        string repo,
        string noun,
        (string One, string Many) names,
        int? limit,
        Func<F, string, string?>? lead
    )
    {
        var arguments = new Dictionary<string, object?> { ["repo"] = repo };
        if (limit is { } n)
            arguments["limit"] = n;
        return new(tool, arguments)
        {
            Answer = new()
            {
                Searched = $"{repo}'s {noun}",
                Lead = o => o.Items.Count == 0 ? null : lead?.Invoke(o, repo) ?? $"{repo} has {Counted(o, names.One, names.Many)}.",
            },
        };
    }

    private static PlannedCall Open(string tool, string repo, string state, (string One, string Many) names, int? limit)
    {
        var arguments = new Dictionary<string, object?> { ["repo"] = repo, ["state"] = state };
        if (limit is { } n)
            arguments["limit"] = n;
        var adjective = state == "all" ? "" : $"{state} ";
        return new(tool, arguments)
        {
            Answer = new()
            {
                Searched = $"{adjective}{names.Many} in {repo}",
                Lead = o =>
                    o.Items.Count == 0 ? null : $"{repo} has {Counted(o, adjective + names.One, adjective + names.Many)}, newest first.",
            },
        };
    }

    private static string State(string lower) =>
        ClosedWords().IsMatch(lower) ? "closed"
        : AllWords().IsMatch(lower) ? "all"
        : "open";

    private static int Number(Match m) => int.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture);

    /// <summary>"issue #87", "issue 87", "#87" (a bare number under 1000: order numbers are 1001 and up).</summary>
    [GeneratedRegex(@"\bissue\s*#?(?<n>\d+)\b|(?<![\w/])#(?<n>\d{1,3})\b", RegexOptions.IgnoreCase)]
    private static partial Regex IssueNumber();

    [GeneratedRegex(@"\b(workflow|workflows|ci|build|builds|pipeline|deploy|actions)\b")]
    private static partial Regex Ci();

    [GeneratedRegex(@"\bcommits?\b")]
    private static partial Regex Commits();

    [GeneratedRegex(@"\bbranch(es)?\b")]
    private static partial Regex Branches();

    // A list is asked for ("list open PRs", "which issues…"), not one bug talked about ("the checkout bug").
    [GeneratedRegex(@"\b(open|closed|merged|list|show|all|latest|recent|which|any)\b.*\b(pull requests|prs)\b")]
    private static partial Regex Pulls();

    [GeneratedRegex(@"\b(open|closed|list|show|all|latest|recent|which|any)\b.*\b(issues|bugs)\b")]
    private static partial Regex Issues();

    [GeneratedRegex(@"\b(closed|merged|done)\b")]
    private static partial Regex ClosedWords();

    [GeneratedRegex(@"\ball\b")]
    private static partial Regex AllWords();
}
