using Mosaic.Sandbox.Acme;
using Mosaic.Sandbox.Google.Drive;

namespace Mosaic.Sandbox.Google.Docs;

/// <summary>
/// Document bodies in a tiny line syntax that <see cref="DocsBuilder"/> turns into the Docs API structure:
/// <c>= </c> title, <c># </c>/<c>## </c> headings, <c>- </c> bullets, <c>| a | b |</c> table rows,
/// <c>**bold**</c> and <c>[text](url)</c> inside a line; anything else is a normal paragraph. <see cref="SandboxBase"/> in
/// a link stands for the Sandbox's address, so links to Acme's other tools open the Sandbox's pages.
/// </summary>
public static class DocsSeed
{
    public const string SandboxBase = "{sandbox}";

    public static IReadOnlyDictionary<string, string[]> Bodies { get; } =
        new Dictionary<string, string[]>
        {
            [DriveSeed.LaunchPlanId] =
            [
                $"= {AcmeCompany.Launch.PlanDocument}",
                $"Owner: {AcmeCompany.Erin.Name}. Status: **draft for the launch review**.",
                "# Goals",
                $"- Launch the {AcmeCompany.Launch.ProductName} grinder online and in the Seattle store.",
                "- Sell 600 units in the first 30 days.",
                "- Keep the support queue under 24 h response time.",
                "# Timeline",
                "| Milestone | Date | Owner |",
                "| Pre-orders open | done | Erin |",
                "| Launch review | this week | Erin |",
                "| Launch day | next week | Everyone |",
                "# Pricing",
                "Matte Black $249, Brushed Steel $269. Launch promotion: code BREW10 for 10% off.",
                "# Risks",
                $"## Checkout double charge ({AcmeCompany.CheckoutBug.JiraKey})",
                $"Customers using a discount code were charged twice (order {AcmeCompany.CheckoutBug.ShopifyOrderName}). The fix is "
                    + $"in [PR #{AcmeCompany.CheckoutBug.GitHubFixPullRequest}]"
                    + $"({SandboxBase}/github/acme/storefront/pull/{AcmeCompany.CheckoutBug.GitHubFixPullRequest}). "
                    + "**We do not launch the BREW10 promotion until it ships.**",
                "## Stock",
                "Brushed Steel has 7 units in the warehouse and none in the store; 60 more arrive before launch day.",
            ],
            [DriveSeed.PostmortemId] =
            [
                $"= Checkout incident {AcmeCompany.CheckoutBug.JiraKey} - postmortem (draft)",
                "# Summary",
                $"{AcmeCompany.CheckoutBug.Summary}. Two customers were affected (#1038, #1042); both refunded.",
                "# Timeline",
                "- Day 1: first support e-mail (order #1042).",
                $"- Day 1: {AcmeCompany.CheckoutBug.JiraKey} filed, GitHub issue #{AcmeCompany.CheckoutBug.GitHubIssueNumber} opened.",
                $"- Day 2: fix proposed in PR #{AcmeCompany.CheckoutBug.GitHubFixPullRequest}.",
                "# Root cause",
                "Applying a discount code re-rendered the payment step and submitted the payment intent a second time.",
                "# Action items",
                "| Action | Owner | Status |",
                "| Idempotency key on payment intents | Bob | In review |",
                "| Disable double submit in the UI | Carol | Done |",
                "| Refund affected customers | Dave | Done |",
            ],
            [DriveSeed.SupportMacrosId] =
            [
                "= Support macros",
                "# Duplicate charge",
                "Hi {name}, sorry about the duplicate charge. I've refunded it; it will appear in 3-5 business days.",
                "# Where is my order",
                "Hi {name}, your order {order} ships within 2 business days; you'll get a tracking link by e-mail.",
            ],
            [DriveSeed.OnboardingId] =
            [
                "= Engineering onboarding checklist",
                "- Get access to GitHub (acme/storefront), Jira (ACME) and Slack (#checkout-eng).",
                "- Run the storefront locally.",
                "- Ship a small change in your first week.",
            ],
        };
}
