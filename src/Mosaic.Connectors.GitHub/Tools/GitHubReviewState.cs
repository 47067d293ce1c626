using Octokit;

namespace Mosaic.Connectors.GitHub.Tools;

/// <summary>Condenses reviews and CI results into what a person asks: "is it approved?", "is CI green, and if not, what fails?".</summary>
internal static class GitHubReviewState
{
    private static readonly string[] BadConclusions = ["failure", "timed_out", "cancelled", "action_required", "startup_failure", "stale"];

    public static ReviewSummary Summarize(IEnumerable<PullRequestReview> reviews, IEnumerable<User>? requested)
    {
        // A reviewer's latest approving/blocking review counts; comments don't override a verdict.
        var latest = reviews
            .Where(r => r.State.StringValue is not "PENDING")
            .GroupBy(r => r.User?.Login ?? "")
            .Select(g =>
                g.OrderBy(r => r.SubmittedAt)
                    .Aggregate(
                        (verdict, next) =>
                            next.State.StringValue == "COMMENTED" && verdict.State.StringValue is "APPROVED" or "CHANGES_REQUESTED"
                                ? verdict
                                : next
                    )
            )
            .OrderBy(r => r.SubmittedAt)
            .Select(r => new ReviewItem(
                r.User?.Login,
                r.State.StringValue,
                r.SubmittedAt,
                Mosaic.Connectors.Common.Results.TextClip.Clip(r.Body, 300)
            ))
            .ToArray();
        var pending = (requested ?? []).Select(u => u.Login).ToArray();
        var decision =
            latest.Any(r => r.State == "CHANGES_REQUESTED") ? "changes_requested"
            : latest.Any(r => r.State == "APPROVED") && pending.Length == 0 ? "approved"
            : "review_required";
        return new ReviewSummary(decision, latest, pending);
    }

    public static ChecksSummary Checks(IReadOnlyList<CheckRun> runs, IReadOnlyList<CommitStatus> statuses)
    {
        var checkItems = runs.Select(c => new CheckItem(
                c.Name,
                c.Status.StringValue,
                c.Conclusion?.StringValue,
                Mosaic.Connectors.Common.Results.TextClip.Clip(c.Output?.Summary ?? c.Output?.Title, 300),
                c.HtmlUrl
            ))
            .ToArray();
        var statusItems = statuses.Select(s => new StatusItem(s.Context, s.State.StringValue, s.Description, s.TargetUrl)).ToArray();

        var failing = checkItems
            .Where(c => c.Conclusion is { } k && BadConclusions.Contains(k))
            .Select(c => c.Name)
            .Concat(statusItems.Where(s => s.State is "failure" or "error").Select(s => s.Context))
            .ToArray();
        var pending = checkItems
            .Where(c => c.Status != "completed")
            .Select(c => c.Name)
            .Concat(statusItems.Where(s => s.State == "pending").Select(s => s.Context))
            .ToArray();
        var total = checkItems.Length + statusItems.Length;
        var state =
            total == 0 ? "none"
            : failing.Length > 0 ? "failure"
            : pending.Length > 0 ? "pending"
            : "success";
        return new ChecksSummary(state, total, failing, pending, checkItems, statusItems);
    }
}
