using Mosaic.Sandbox.Acme;
using static Mosaic.Sandbox.GitHub.GitHubDataset;
using Bug_ = Mosaic.Sandbox.Acme.AcmeCompany.CheckoutBug;

namespace Mosaic.Sandbox.GitHub;

/// <summary>acme/storefront: where the checkout double-charge bug (#87) and its fix (#91) live.</summary>
internal static partial class GitHubSeed
{
    private const string Store = AcmeCompany.MainRepo;

    public static void Storefront(GitHubDataset data)
    {
        data.Repos.Add(
            new GhRepo
            {
                Name = Store,
                Id = 610001,
                Description = "Acme Brew web shop: catalogue, cart and checkout",
                Language = "TypeScript",
                Topics = ["ecommerce", "nextjs", "checkout"],
                CreatedAt = Ago(900),
                PushedAt = Ago(0.4),
                Stars = 42,
                Forks = 6,
            }
        );

        var main = MainLine(
            Store,
            40,
            60,
            StoreMessages,
            [Carol, Bob, Alice, Carol, Bob],
            ("Add Acme Brew Pro to the product catalogue", Carol, 2.5),
            ("Merge pull request #86 from acme/feature/brew-pro-landing", Carol, 1.5)
        );
        var fix = Fork(
            main,
            Bug_.FixBranch,
            0,
            [
                ("Reuse the payment intent when a discount changes the total", Bob, 1.2),
                ("Add regression test for discounted checkout", Bob, 1.1),
                ("Pass an idempotency key on capture", Bob, 0.5),
            ]
        );
        var preorder = Fork(
            main,
            "feature/brew-pro-preorder",
            1,
            [("WIP: pre-order button", Carol, 0.9), ("Pre-order confirmation e-mail", Carol, 0.6)]
        );
        var bump = Fork(main, "dependabot/npm_and_yarn/stripe-14.5.0", 3, [("Bump stripe from 14.1.0 to 14.5.0", Dependabot, 4)]);
        var release = new GhBranch(Store, "release/2.3", true, main.History.Skip(12).ToList());
        data.Branches.AddRange([main, fix, preorder, bump, release]);

        StorefrontIssues(data, fix, preorder, bump, main);
        StorefrontChecks(data, fix, main);
        StorefrontRuns(data, main, fix, preorder, bump);
        FillerIssues(data, Store, 69);
    }

    private static void StorefrontIssues(GitHubDataset data, GhBranch fix, GhBranch preorder, GhBranch bump, GhBranch main)
    {
        data.Issues.AddRange([
            new GhIssue
            {
                Repo = Store,
                Number = Bug_.GitHubIssueNumber,
                Title = Bug_.Summary,
                Author = Dave,
                Labels = [Bug, P1, Checkout],
                Assignees = [Bob],
                CreatedAt = Ago(3.1),
                UpdatedAt = Ago(0.9),
                Body =
                    $"A customer was charged twice for order {Bug_.ShopifyOrderName} (support e-mail \"{Bug_.SupportEmailSubject}\").\n\n"
                    + "It happens when a discount code is applied after the payment step has started: the order total changes and "
                    + $"checkout creates a second payment intent, then captures both.\n\nTracked in Jira {Bug_.JiraKey}; discussion "
                    + $"in #{Bug_.SlackChannel}.\n\n"
                    + $"**Steps**\n1. Add the {AcmeCompany.Launch.ProductName} grinder to the cart\n2. Go to payment\n3. Apply code "
                    + $"BREW10\n4. Pay: two captures of $224.10 appear",
            },
            new GhIssue
            {
                Repo = Store,
                Number = Bug_.GitHubFixPullRequest,
                Title = "Fix double charge on discounted checkout",
                Author = Bob,
                Labels = [Bug, Checkout],
                Assignees = [Bob],
                CreatedAt = Ago(1.1),
                UpdatedAt = Ago(0.4),
                Body =
                    $"Fixes #{Bug_.GitHubIssueNumber} ({Bug_.JiraKey}).\n\nReuse the existing payment intent when a discount code changes "
                    + "the total instead of creating a second one, and pass an idempotency key on capture.\n\n"
                    + "- [x] regression test for discounted checkout\n- [ ] e2e green",
                Pull = new GhPull
                {
                    HeadRef = fix.Name,
                    HeadSha = fix.HeadSha,
                    RequestedReviewers = [Alice],
                    Additions = 84,
                    Deletions = 17,
                    ChangedFiles = 5,
                    Commits = 3,
                    MergeableState = "blocked",
                    Reviews =
                    [
                        new GhReview(
                            7001,
                            Carol,
                            "COMMENTED",
                            "Frontend side looks good; one nit on the error message copy.",
                            Ago(0.7),
                            fix.History[1].Sha
                        ),
                    ],
                },
            },
            Open(88, "Discount code field accepts expired codes", Carol, 4, [Bug, Checkout], [Carol]),
            Open(90, "Order confirmation e-mail shows the wrong discount", Dave, 2.2, [Bug, Checkout], []),
            Open(85, "Add Apple Pay to checkout", Erin, 9, [Enhancement, Checkout], [Carol]),
            Open(84, "Product page images load slowly on mobile", Carol, 11, [Performance], []),
            Open(83, $"{AcmeCompany.Launch.ProductName} product page", Erin, 12, [Enhancement, Launch], [Carol], "Acme Brew Pro launch"),
            Open(92, $"Pre-order button for {AcmeCompany.Launch.ProductName}", Erin, 0.8, [Launch], [Carol], "Acme Brew Pro launch"),
            Open(76, "Flaky e2e test: checkout with gift card", Bob, 16, [Flaky, Ci], [Bob]),
            Closed(80, "Cart badge shows a stale count after removing an item", Carol, 14, 10, [Bug]),
            Closed(78, "Upgrade the payment SDK to v5", Bob, 20, 15, [Dependencies]),
            Pr(
                86,
                "Acme Brew Pro landing page",
                Carol,
                5,
                [Launch],
                new GhPull
                {
                    HeadRef = "feature/brew-pro-landing",
                    HeadSha = main.History[1].Sha,
                    MergedAt = Ago(1.5),
                    MergedBy = Carol,
                    Additions = 412,
                    Deletions = 38,
                    ChangedFiles = 14,
                    Commits = 6,
                    Reviews = [new GhReview(7002, Alice, "APPROVED", "Ship it.", Ago(1.6), main.History[1].Sha)],
                },
                closedDaysAgo: 1.5
            ),
            Pr(
                89,
                "Bump stripe from 14.1.0 to 14.5.0",
                Dependabot,
                4.2,
                [Dependencies],
                new GhPull
                {
                    HeadRef = bump.Name,
                    HeadSha = bump.HeadSha,
                    Additions = 9,
                    Deletions = 9,
                    ChangedFiles = 2,
                }
            ),
            Pr(
                93,
                $"Pre-order flow for {AcmeCompany.Launch.ProductName}",
                Carol,
                0.6,
                [Launch],
                new GhPull
                {
                    HeadRef = preorder.Name,
                    HeadSha = preorder.HeadSha,
                    Draft = true,
                    Additions = 120,
                    Deletions = 4,
                    ChangedFiles = 6,
                    Commits = 2,
                    MergeableState = "draft",
                }
            ),
            Pr(
                82,
                "Retry the payment webhook on timeout",
                Bob,
                18,
                [Checkout],
                new GhPull
                {
                    HeadRef = "fix/webhook-retry",
                    HeadSha = Sha("storefront/82"),
                    MergedAt = Ago(16),
                    MergedBy = Alice,
                    Additions = 40,
                    Deletions = 6,
                    ChangedFiles = 3,
                    Reviews =
                    [
                        new GhReview(7003, Alice, "CHANGES_REQUESTED", "Cap the retries, please.", Ago(17), Sha("storefront/82a")),
                        new GhReview(7004, Alice, "APPROVED", "", Ago(16.2), Sha("storefront/82")),
                    ],
                },
                closedDaysAgo: 16
            ),
            Pr(
                81,
                "WIP: new cart drawer",
                Carol,
                25,
                [],
                new GhPull
                {
                    HeadRef = "feature/cart-drawer",
                    HeadSha = Sha("storefront/81"),
                    Draft = true,
                    MergeableState = "dirty",
                },
                closedDaysAgo: 19
            ),
        ]);

        data.Comments.AddRange([
            new GhComment(
                8001,
                Store,
                87,
                Bob,
                "Reproduced: applying the discount after the payment intent exists creates a second intent and we capture both. On it.",
                Ago(2.8)
            ),
            new GhComment(
                8002,
                Store,
                87,
                Alice,
                $"Thanks Bob, top priority. Dave has three double-charged customers so far (#1038, {Bug_.ShopifyOrderName} and one "
                    + $"pending). Tracking in {Bug_.JiraKey}.",
                Ago(2.5)
            ),
            new GhComment(
                8003,
                Store,
                87,
                Dave,
                $"Refunded the duplicate charge on {Bug_.ShopifyOrderName} and told the customer.",
                Ago(2)
            ),
            new GhComment(8004, Store, 87, Bob, $"Fix is up in #{Bug_.GitHubFixPullRequest}.", Ago(0.9)),
            new GhComment(8005, Store, 91, Bob, "e2e fails on the gift-card scenario again (#76); unrelated to this change.", Ago(0.45)),
        ]);
    }

    private static GhIssue Open(
        int n,
        string title,
        GhUser by,
        double daysAgo,
        GhLabel[] labels,
        GhUser[] assignees,
        string? milestone = null
    ) =>
        new()
        {
            Repo = Store,
            Number = n,
            Title = title,
            Author = by,
            Labels = labels,
            Assignees = assignees,
            Milestone = milestone,
            CreatedAt = Ago(daysAgo),
            UpdatedAt = Ago(daysAgo * 0.6),
            Body = $"{title}.",
        };

    private static GhIssue Closed(int n, string title, GhUser by, double daysAgo, double closedDaysAgo, GhLabel[] labels) =>
        Open(n, title, by, daysAgo, labels, [by]) with
        {
            State = "closed",
            StateReason = "completed",
            ClosedAt = Ago(closedDaysAgo),
            UpdatedAt = Ago(closedDaysAgo),
        };

    private static GhIssue Pr(
        int n,
        string title,
        GhUser by,
        double daysAgo,
        GhLabel[] labels,
        GhPull pull,
        double? closedDaysAgo = null
    ) =>
        Open(n, title, by, daysAgo, labels, []) with
        {
            Pull = pull,
            Body = $"{title}.",
            State = closedDaysAgo is null ? "open" : "closed",
            ClosedAt = closedDaysAgo is { } c ? Ago(c) : null,
            UpdatedAt = Ago(closedDaysAgo ?? daysAgo * 0.5),
        };

    private static readonly string[] StoreMessages =
    [
        "Tidy up cart totals",
        "Fix typo in shipping copy",
        "Add product reviews widget",
        "Cache category pages",
        "Refactor checkout steps into components",
        "Improve address validation",
        "Bump next to 14.2",
        "Lazy-load product images",
        "Show stock level on product page",
        "Add gift card support",
        "Fix VAT rounding for EU orders",
        "Track add-to-cart events",
    ];
}
