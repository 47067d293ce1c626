using static Mosaic.Sandbox.GitHub.GitHubDataset;

namespace Mosaic.Sandbox.GitHub;

/// <summary>Acme's other repositories, and the older closed history that makes paging worth testing.</summary>
internal static partial class GitHubSeed
{
    public static void OtherRepos(GitHubDataset data)
    {
        data.Repos.AddRange([
            new GhRepo
            {
                Name = "api",
                Id = 610002,
                Description = "Acme order and payment API",
                Language = "Go",
                Topics = ["api", "payments"],
                CreatedAt = Ago(700),
                PushedAt = Ago(2.1),
                Stars = 12,
                Forks = 2,
            },
            new GhRepo
            {
                Name = "infra",
                Id = 610003,
                Description = "Terraform for Acme's cloud accounts",
                Language = "HCL",
                Private = true,
                Topics = ["terraform"],
                CreatedAt = Ago(650),
                PushedAt = Ago(0.7),
            },
            new GhRepo
            {
                Name = "mobile-app",
                Id = 610004,
                Description = "Acme Brew companion app for Android and iOS",
                Language = "Kotlin",
                Private = true,
                CreatedAt = Ago(400),
                PushedAt = Ago(6),
            },
            new GhRepo
            {
                Name = "brew-firmware",
                Id = 610005,
                Description = "Firmware for the Acme Brew Pro grinder controller",
                Language = "C",
                Private = true,
                Topics = ["embedded", "acme-brew-pro"],
                CreatedAt = Ago(300),
                PushedAt = Ago(3),
            },
            new GhRepo
            {
                Name = "docs",
                Id = 610006,
                Description = "Public help centre and API docs",
                Language = "MDX",
                CreatedAt = Ago(800),
                PushedAt = Ago(12),
                Stars = 5,
            },
            new GhRepo
            {
                Name = "design-system",
                Id = 610007,
                Description = "Retired UI kit (moved into storefront)",
                Language = "TypeScript",
                Archived = true,
                CreatedAt = Ago(1100),
                PushedAt = Ago(380),
                Stars = 3,
            },
        ]);

        string[] generic = ["Update dependencies", "Fix lint warnings", "Improve logging", "Add tests", "Refactor configuration"];
        var api = MainLine("api", 20, 40, generic, [Bob, Alice], ("Validate currency on capture", Bob, 2.1));
        var infra = MainLine("infra", 10, 30, generic, [Alice], ("Add staging read replica", Alice, 0.7));
        var mobile = MainLine("mobile-app", 8, 30, generic, [Carol], ("Order tracking screen", Carol, 6));
        var firmware = MainLine("brew-firmware", 12, 25, generic, [Bob, Carol], ("Tune burr motor ramp for Pro", Bob, 3));
        var docs = MainLine("docs", 6, 60, generic, [Erin], ("Acme Brew Pro FAQ draft", Erin, 12));
        var design = MainLine("design-system", 5, 400, generic, [Carol], ("Archive notice", Carol, 380));
        data.Branches.AddRange([api, infra, mobile, firmware, docs, design]);

        data.Issues.AddRange([
            Open(12, "Idempotency keys for the payment capture endpoint", Bob, 2.6, [Enhancement, Checkout], [Bob]) with
            {
                Repo = "api",
                Body = "Needed so storefront can retry capture safely (acme/storefront#87).",
            },
            Open(11, "Rate-limit the public product endpoint", Alice, 15, [Security], []) with
            {
                Repo = "api",
            },
            Open(5, "Rotate staging database credentials", Alice, 6, [Security], [Alice]) with
            {
                Repo = "infra",
            },
            Open(3, "Push notification when an order ships", Erin, 20, [Enhancement], [Carol]) with
            {
                Repo = "mobile-app",
            },
            Open(4, "Grinder stalls on the finest setting", Dave, 3.1, [Bug, Launch], [Bob]) with
            {
                Repo = "brew-firmware",
            },
        ]);
        FillerIssues(data, "api", 10);
        FillerIssues(data, "infra", 4);
        FillerIssues(data, "brew-firmware", 3);

        GhWorkflow apiCi = new(5101, "api", "CI", ".github/workflows/ci.yml"),
            plan = new(5201, "infra", "Terraform plan", ".github/workflows/plan.yml");
        data.Workflows.AddRange([apiCi, plan]);
        data.Runs.AddRange([
            Run(apiCi, 77, api, "push", "success", Bob, 2.1, "Validate currency on capture"),
            Run(apiCi, 76, api, "push", "success", Bob, 5, "Update dependencies", sha: api.History[1].Sha),
            Run(plan, 31, infra, "push", "failure", Alice, 0.7, "Add staging read replica"),
            Run(plan, 30, infra, "push", "success", Alice, 4, "Refactor configuration", sha: infra.History[1].Sha),
        ]);
    }

    /// <summary>Older, closed issues and merged PRs numbered 1..<paramref name="upTo"/> (every third one a PR).</summary>
    private static void FillerIssues(GitHubDataset data, string repo, int upTo)
    {
        string[] what =
        [
            "search results",
            "product grid",
            "shipping estimate",
            "account page",
            "order history",
            "newsletter form",
            "tax calculation",
            "image CDN",
            "sitemap",
            "login form",
            "wishlist",
            "currency switcher",
        ];
        string[] how = ["is slow", "breaks on Safari", "needs tests", "shows the wrong total", "needs a loading state", "logs too much"];
        GhUser[] people = [Alice, Bob, Carol, Dave, Erin];
        for (var n = 1; n <= upTo; n++)
        {
            var author = people[n % people.Length];
            var created = 260 - n * 2.5;
            var title = $"{char.ToUpperInvariant(what[n % what.Length][0])}{what[n % what.Length][1..]} {how[n % how.Length]}";
            var issue = Open(n, title, author, created, n % 4 == 0 ? [Bug] : [], [author]) with
            {
                Repo = repo,
                State = "closed",
                StateReason = "completed",
                ClosedAt = Ago(created - 3),
                UpdatedAt = Ago(created - 3),
            };
            if (n % 3 == 0)
                issue = issue with
                {
                    Title = $"Fix: {title}",
                    Pull = new GhPull
                    {
                        HeadRef = $"fix/issue-{n}",
                        HeadSha = Sha($"{repo}/pr/{n}"),
                        MergedAt = Ago(created - 3),
                        MergedBy = Alice,
                        Additions = 10 + n,
                        Deletions = n % 7,
                        ChangedFiles = 1 + n % 4,
                    },
                };
            data.Issues.Add(issue);
        }
    }
}
