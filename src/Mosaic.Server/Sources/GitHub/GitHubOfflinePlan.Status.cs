using System.Text.Json;
using static Mosaic.Server.Sources.QuestionShapes;
using F = Mosaic.Server.Sources.ToolOutput;

namespace Mosaic.Server.Sources.GitHub;

/// <summary>GitHub's "status of X" plans: one pull request or issue, leading with its state and the people on it.</summary>
internal static partial class GitHubOfflinePlan
{
    private static PlannedCall Pull(string repo, int number) =>
        new("get_pull_request", new Dictionary<string, object?> { ["repo"] = repo, ["number"] = number })
        {
            Answer = new()
            {
                Searched = $"pull request #{number} in {repo}",
                Lead = o => o.Json is { ValueKind: JsonValueKind.Object } root ? PullLead(root) : null,
            },
        };

    /// <summary>
    /// "PR #91 (Fix double charge…) is **open**, by bobm; checks: failure (e2e); review: review required (requested from
    /// alice-chen)." Read from the whole result: its items are only the nested pull request, without checks and reviews.
    /// </summary>
    internal static string PullLead(JsonElement detail)
    {
        string? Pr(string field) => F.Field(detail, $"pull_request.{field}");
        var state =
            Pr("merged_at") is { Length: > 0 } ? "merged"
            : Pr("draft") == "true" ? $"a draft ({Pr("state")})"
            : Pr("state");
        var checks =
            F.Field(detail, "checks.state") is { } c && c != "none"
                ? $"; checks: {c}" + (Strings(detail, "checks.failing") is { Count: > 0 } failing ? $" ({Join(failing)} failing)" : "")
                : "";
        var review = F.Field(detail, "reviews.decision") is { } d ? $"; review: {d.Replace('_', ' ')}" : "";
        var requested = Strings(detail, "reviews.requested") is { Count: > 0 } r ? $" (requested from {Join(r)})" : "";
        return $"PR #{Pr("number")} ({Pr("title")}) is **{state}**, by {Pr("author")}{checks}{review}{requested}.";
    }

    private static PlannedCall Issue(string repo, int number) =>
        new("get_issue", new Dictionary<string, object?> { ["repo"] = repo, ["number"] = number })
        {
            Answer = new()
            {
                Searched = $"issue #{number} in {repo}",
                // The whole result: its items are only the nested issue, without who closed it.
                Lead = o =>
                {
                    if (o.Json is not { ValueKind: JsonValueKind.Object } root)
                        return null;
                    string? I(string field) => F.Field(root, $"issue.{field}");
                    var who = Strings(root, "issue.assignees") is { Count: > 0 } a ? $", assigned to {Join(a)}" : ", unassigned";
                    return $"Issue #{I("number")} ({I("title")}) is **{I("state")}**, opened by {I("author")}{who}.";
                },
            },
        };
}
