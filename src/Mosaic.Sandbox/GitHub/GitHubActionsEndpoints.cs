using System.Text.Json.Nodes;
using static Mosaic.Sandbox.GitHub.GitHubHttp;

namespace Mosaic.Sandbox.GitHub;

/// <summary>GitHub Actions: workflows and workflow runs with GitHub's filters.</summary>
public static class GitHubActionsEndpoints
{
    private static readonly string[] RunStatuses = ["queued", "in_progress", "completed", "waiting", "requested", "pending"];

    public static void MapGitHubActions(this RouteGroupBuilder api, GitHubDataset data)
    {
        var actions = api.MapGroup("/repos/{owner}/{repo}/actions");

        actions.MapGet("/workflows", (HttpContext http, string owner, string repo) =>
        {
            if (data.Repo(owner, repo) is not { } r)
                return NotFound();
            var urls = Urls(http);
            var page = Page(http, data.Workflows.Where(w => w.Repo == r.Name).ToList(), w => GitHubJson.Workflow(w, urls), out var total);
            return Results.Json(new JsonObject { ["total_count"] = total, ["workflows"] = page });
        });

        actions.MapGet("/runs", (HttpContext http, string owner, string repo) => Runs(http, data, owner, repo, null));

        // A workflow is named by its id or its file name, as on GitHub.
        actions.MapGet("/workflows/{workflow}/runs", (HttpContext http, string owner, string repo, string workflow) =>
        {
            var wf = data.Workflows.FirstOrDefault(w =>
                w.Repo.Equals(repo, StringComparison.OrdinalIgnoreCase)
                && (w.Id.ToString() == workflow || Path.GetFileName(w.Path) == workflow)
            );
            return wf is null ? NotFound() : Runs(http, data, owner, repo, wf);
        });

        actions.MapGet("/runs/{id:long}", (HttpContext http, string owner, string repo, long id) =>
            data.Repo(owner, repo) is { } r && data.Runs.FirstOrDefault(x => x.Id == id && x.Workflow.Repo == r.Name) is { } run
                ? Results.Json(
                    GitHubJson.Run(run, r, GitHubSimulator.OpenIssues(data, r.Name), data.Commit(r.Name, run.HeadSha), Urls(http))
                )
                : NotFound()
        );
    }

    private static IResult Runs(HttpContext http, GitHubDataset data, string owner, string repo, GhWorkflow? workflow)
    {
        if (data.Repo(owner, repo) is not { } r)
            return NotFound();
        var q = http.Request.Query;
        IEnumerable<GhRun> runs = data.Runs.Where(x => x.Workflow.Repo == r.Name && (workflow is null || x.Workflow == workflow));
        if (q["actor"].ToString() is { Length: > 0 } actor)
            runs = runs.Where(x => x.Actor.Login.Equals(actor, StringComparison.OrdinalIgnoreCase));
        if (q["branch"].ToString() is { Length: > 0 } branch)
            runs = runs.Where(x => x.Branch == branch);
        if (q["event"].ToString() is { Length: > 0 } ev)
            runs = runs.Where(x => x.Event == ev);
        if (q["head_sha"].ToString() is { Length: > 0 } sha)
            runs = runs.Where(x => x.HeadSha == sha);
        // status takes either a status (completed, in_progress...) or a conclusion (failure, success...).
        if (q["status"].ToString() is { Length: > 0 } status)
            runs = RunStatuses.Contains(status) ? runs.Where(x => x.Status == status) : runs.Where(x => x.Conclusion == status);
        if (q["created"].ToString() is { Length: > 0 } created)
        {
            if (!TryCreated(created, out var from, out var to))
                return Validation("created", created);
            runs = runs.Where(x => x.CreatedAt >= from && x.CreatedAt <= to);
        }
        var list = runs.OrderByDescending(x => x.CreatedAt).ToList();
        var urls = Urls(http);
        var open = GitHubSimulator.OpenIssues(data, r.Name);
        var page = Page(http, list, x => GitHubJson.Run(x, r, open, data.Commit(r.Name, x.HeadSha), urls), out var total);
        return Results.Json(new JsonObject { ["total_count"] = total, ["workflow_runs"] = page });
    }

    /// <summary>GitHub's date-range syntax: <c>&gt;=2024-05-01</c>, <c>&lt;DATE</c>, <c>A..B</c> or a single day.</summary>
    private static bool TryCreated(string value, out DateTimeOffset from, out DateTimeOffset to)
    {
        from = DateTimeOffset.MinValue;
        to = DateTimeOffset.MaxValue;
        static bool Parse(string s, out DateTimeOffset t) =>
            DateTimeOffset.TryParse(
                s,
                System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.AssumeUniversal,
                out t
            );
        DateTimeOffset a,
            b;
        if (value.Contains("..", StringComparison.Ordinal))
        {
            var parts = value.Split("..");
            if (!Parse(parts[0], out a) || !Parse(parts[1], out b))
                return false;
            (from, to) = (a, b.TimeOfDay == TimeSpan.Zero ? b.AddDays(1).AddTicks(-1) : b);
            return true;
        }
        if (value.StartsWith(">=", StringComparison.Ordinal))
        {
            if (!Parse(value[2..], out from))
                return false;
            return true;
        }
        if (value.StartsWith("<=", StringComparison.Ordinal))
        {
            if (!Parse(value[2..], out to))
                return false;
            return true;
        }
        if (value.StartsWith('>'))
        {
            if (!Parse(value[1..], out a))
                return false;
            from = a.AddTicks(1);
            return true;
        }
        if (value.StartsWith('<'))
        {
            if (!Parse(value[1..], out b))
                return false;
            to = b.AddTicks(-1);
            return true;
        }
        if (!Parse(value, out a))
            return false;
        (from, to) = (a, a.AddDays(1).AddTicks(-1));
        return true;
    }
}
