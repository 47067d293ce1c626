using Mosaic.Sandbox.Acme;
using static Mosaic.Sandbox.GitHub.GitHubDataset;

namespace Mosaic.Sandbox.GitHub;

/// <summary>acme/storefront's CI: check runs, commit statuses and Actions workflow runs (some recently red).</summary>
internal static partial class GitHubSeed
{
    private static void StorefrontChecks(GitHubDataset data, GhBranch fix, GhBranch main)
    {
        data.CheckRuns.AddRange([
            new(30001, Store, fix.HeadSha, "build", "completed", "success", Ago(0.5), Ago(0.5).AddMinutes(3), "Build succeeded in 2m 41s"),
            new(30002, Store, fix.HeadSha, "unit-tests", "completed", "success", Ago(0.5), Ago(0.5).AddMinutes(5), "412 passed"),
            new(
                30003,
                Store,
                fix.HeadSha,
                "e2e",
                "completed",
                "failure",
                Ago(0.49),
                Ago(0.49).AddMinutes(11),
                "1 failed, 57 passed: checkout › pays with a gift card (timeout after 30s)"
            ),
            new(30004, Store, main.HeadSha, "build", "completed", "success", Ago(1.5), Ago(1.5).AddMinutes(3), "Build succeeded in 2m 37s"),
            new(30005, Store, main.HeadSha, "unit-tests", "completed", "success", Ago(1.5), Ago(1.5).AddMinutes(5), "409 passed"),
            new(30006, Store, main.HeadSha, "e2e", "completed", "success", Ago(1.49), Ago(1.49).AddMinutes(10), "58 passed"),
            // The head of #86 (merged into main), green before it was merged.
            new(
                30007,
                Store,
                main.History[1].Sha,
                "build",
                "completed",
                "success",
                Ago(1.7),
                Ago(1.7).AddMinutes(3),
                "Build succeeded in 2m 44s"
            ),
            new(30008, Store, main.History[1].Sha, "unit-tests", "completed", "success", Ago(1.7), Ago(1.7).AddMinutes(5), "409 passed"),
            new(30009, Store, main.History[1].Sha, "e2e", "completed", "success", Ago(1.69), Ago(1.69).AddMinutes(10), "58 passed"),
        ]);
        data.Statuses.AddRange([
            new(40001, Store, fix.HeadSha, "ci/preview-deploy", "success", "Preview ready", Ago(0.48)),
            new(40002, Store, main.HeadSha, "ci/preview-deploy", "success", "Preview ready", Ago(1.48)),
        ]);
    }

    private static void StorefrontRuns(GitHubDataset data, GhBranch main, GhBranch fix, GhBranch preorder, GhBranch bump)
    {
        GhWorkflow ci = new(5001, Store, "CI", ".github/workflows/ci.yml"),
            e2e = new(5002, Store, "E2E", ".github/workflows/e2e.yml"),
            deploy = new(5003, Store, "Deploy", ".github/workflows/deploy.yml");
        data.Workflows.AddRange([ci, e2e, deploy]);

        // Push builds on main over the last ten days; one red build in the middle.
        for (var i = 0; i < 12; i++)
        {
            var commit = main.History[Math.Min(11 - i, main.History.Count - 1)];
            data.Runs.Add(
                Run(
                    ci,
                    120 + i,
                    main,
                    "push",
                    i == 4 ? "failure" : "success",
                    commit.Author,
                    10.1 - i * 0.75,
                    commit.Message,
                    sha: commit.Sha
                )
            );
        }
        data.Runs.AddRange([
            Run(ci, 132, bump, "pull_request", "failure", Dependabot, 3.9, "Bump stripe from 14.1.0 to 14.5.0", pr: 89),
            Run(
                ci,
                133,
                fix,
                "pull_request",
                "success",
                Bob,
                1.1,
                "Fix double charge on discounted checkout",
                pr: 91,
                sha: fix.History[1].Sha
            ),
            Run(ci, 134, fix, "pull_request", "success", Bob, 0.5, "Fix double charge on discounted checkout", pr: 91),
            Run(ci, 135, preorder, "pull_request", null, Carol, 0.05, $"Pre-order flow for {AcmeCompany.Launch.ProductName}", pr: 93),
            Run(e2e, 61, main, "push", "success", Carol, 8, "Fix VAT rounding for EU orders", sha: main.History[10].Sha),
            Run(e2e, 62, main, "push", "failure", Bob, 4, "Tidy up cart totals", sha: main.History[4].Sha),
            Run(e2e, 63, main, "push", "success", Carol, 2.4, "Add Acme Brew Pro to the product catalogue", sha: main.History[1].Sha),
            Run(e2e, 64, main, "push", "success", Carol, 1.45, "Merge pull request #86 from acme/feature/brew-pro-landing"),
            Run(
                e2e,
                65,
                fix,
                "pull_request",
                "failure",
                Bob,
                1.05,
                "Fix double charge on discounted checkout",
                pr: 91,
                sha: fix.History[1].Sha
            ),
            Run(e2e, 66, fix, "pull_request", "failure", Bob, 0.49, "Fix double charge on discounted checkout", pr: 91),
            Run(deploy, 40, main, "workflow_dispatch", "success", Alice, 9, "Deploy to production", sha: main.History[11].Sha),
            Run(deploy, 41, main, "workflow_dispatch", "success", Alice, 5, "Deploy to production", sha: main.History[5].Sha),
            Run(deploy, 42, main, "push", "success", Carol, 1.4, "Deploy to production"),
        ]);
    }
}
