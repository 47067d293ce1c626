using Mosaic.Sandbox.Acme;
using static Mosaic.Sandbox.Jira.JiraAdf;
using Bug = Mosaic.Sandbox.Acme.AcmeCompany.CheckoutBug;

namespace Mosaic.Sandbox.Jira;

/// <summary>Acme's Jira: four projects, the checkout bug ACME-142 and its neighbours across every status.</summary>
public static class JiraSeed
{
    private static readonly AcmePerson A = AcmeCompany.Alice,
        B = AcmeCompany.Bob,
        C = AcmeCompany.Carol,
        D = AcmeCompany.Dave,
        E = AcmeCompany.Erin;

    public static IReadOnlyList<JiraProject> Projects() =>
        [
            new("10000", AcmeCompany.JiraProjectKey, "Acme Storefront", A.JiraAccountId, "The Shopify storefront and checkout."),
            new("10001", "OPS", "Support Operations", D.JiraAccountId, "Customer support escalations."),
            new("10002", "BREW", $"{AcmeCompany.Launch.ProductName} Launch", E.JiraAccountId, "Launch checklist and marketing."),
            new("10003", "SEC", "Security", A.JiraAccountId, "Security reviews (read-only for most people).", Editable: false),
        ];

    public static IReadOnlyList<JiraLink> Links() =>
        [
            new("20001", "Blocks", Bug.JiraKey, "BREW-12"),
            new("20002", "Relates", Bug.JiraKey, "OPS-31"),
            new("20003", "Relates", Bug.JiraKey, "ACME-141"),
        ];

    public static IReadOnlyList<JiraIssue> Issues()
    {
        var now = AcmeCompany.Now;
        var id = 10100;
        JiraIssue Issue(
            string key,
            string type,
            string summary,
            string status,
            AcmePerson? assignee,
            AcmePerson reporter,
            double createdDaysAgo,
            double updatedDaysAgo,
            string priority = "Medium",
            string[]? labels = null,
            System.Text.Json.Nodes.JsonNode? description = null,
            params JiraComment[] comments
        ) =>
            new()
            {
                Id = (++id).ToString(),
                Key = key,
                ProjectKey = key[..key.IndexOf('-')],
                Summary = summary,
                Status = status,
                IssueType = type,
                Priority = priority,
                AssigneeId = assignee?.JiraAccountId,
                ReporterId = reporter.JiraAccountId,
                Labels = labels ?? [],
                Created = now.AddDays(-createdDaysAgo),
                Updated = now.AddDays(-updatedDaysAgo),
                Description = description,
                Comments = comments,
            };
        JiraComment Comment(string cid, AcmePerson author, double daysAgo, System.Text.Json.Nodes.JsonNode body) =>
            new(cid, author.JiraAccountId, body, now.AddDays(-daysAgo));

        return
        [
            Issue(
                Bug.JiraKey,
                "Bug",
                Bug.Summary,
                "In Progress",
                B,
                D,
                3.2,
                0.2,
                "Highest",
                ["checkout", "payments", "customer-impact"],
                Doc(
                    Paragraph(
                        Text("Customers are charged twice when a discount code is applied at checkout. First report: order "),
                        Text(Bug.ShopifyOrderName, "strong"),
                        Text(".")
                    ),
                    Paragraph(Text("Steps to reproduce:")),
                    Bullets("Add any product to the cart", "Apply discount code BREW10", "Pay with a card: two charges appear"),
                    Paragraph(Text("Suspected cause: the frontend retries the discount call on a 502 and re-submits the payment intent.")),
                    Code("POST /checkout/discount -> 502\nPOST /checkout/discount -> 200 (payment intent submitted again)", "text")
                ),
                Comment("30001", B, 2.9, Plain("Reproduced on staging. The retry after a 502 re-submits the payment intent.")),
                Comment("30002", C, 2.8, Plain("Confirmed the frontend retry; removing it in the same fix.")),
                Comment(
                    "30003",
                    A,
                    2.1,
                    Doc(
                        Paragraph(
                            Mention(B),
                            Text(
                                $" fix is in acme/{AcmeCompany.MainRepo} PR #{Bug.GitHubFixPullRequest}; I'm reviewing. This blocks "
                                    + $"the {AcmeCompany.Launch.ProductName} launch."
                            )
                        )
                    )
                ),
                Comment("30004", D, 0.2, Plain($"Customer on {Bug.ShopifyOrderName} refunded (OPS-31)."))
            ),
            Issue(
                "ACME-141",
                "Task",
                "Add idempotency keys to payment requests",
                "To Do",
                B,
                A,
                2.1,
                2.1,
                "High",
                ["payments"],
                Plain("Every payment request carries an idempotency key so a retry can never charge twice.")
            ),
            Issue(
                "ACME-143",
                "Bug",
                "Show a clearer message when a card is declined",
                "To Do",
                null,
                D,
                0.9,
                0.9,
                "Medium",
                ["checkout"],
                Plain("Customers see \"Something went wrong\" instead of the decline reason.")
            ),
            Issue(
                "ACME-140",
                "Bug",
                "Discount code field loses focus on mobile Safari",
                "In Review",
                C,
                D,
                9,
                1.5,
                "Medium",
                ["checkout", "mobile"],
                Plain("Typing a discount code on iOS Safari closes the keyboard after the first character.")
            ),
            Issue("ACME-139", "Story", "Save cart between sessions", "In Progress", C, E, 15, 4, "Medium", ["cart"]),
            Issue("ACME-138", "Task", "Upgrade the payment SDK to v5", "Done", B, A, 30, 12, "High", ["payments"]),
            Issue("ACME-135", "Bug", "Cart page is slow with 50+ items", "Done", B, C, 40, 20, "Low", ["performance", "cart"]),
            Issue("ACME-130", "Story", "Zoom on product images", "Done", C, E, 60, 45, "Low"),
            Issue(
                "OPS-31",
                "Task",
                $"Refund the double charge on order {Bug.ShopifyOrderName}",
                "Done",
                D,
                D,
                3.1,
                0.2,
                "High",
                ["refund"],
                Plain($"Customer e-mail: \"{Bug.SupportEmailSubject}\". Refund the second charge and reply."),
                Comment("30005", D, 0.2, Plain("Refunded in Shopify; customer replied thanks."))
            ),
            Issue("OPS-30", "Task", "Update the returns policy page", "To Do", D, E, 12, 6),
            Issue(
                "BREW-12",
                "Epic",
                $"Launch checklist: {AcmeCompany.Launch.ProductName}",
                "In Progress",
                E,
                E,
                20,
                1.9,
                "High",
                ["launch"],
                Doc(
                    Paragraph(Text("Everything that must be true before launch:")),
                    Bullets("Checkout fix shipped (ACME-142)", "Pricing page copy approved (BREW-11)", "Product photos (BREW-10)")
                )
            ),
            Issue("BREW-11", "Task", "Pricing page copy", "In Review", E, E, 10, 5, "Medium", ["launch", "copy"]),
            Issue("BREW-10", "Task", "Product photos", "Done", C, E, 18, 8, "Low", ["launch"]),
            Issue("SEC-7", "Task", "Quarterly access review", "To Do", A, A, 25, 10, "Medium", ["audit"]),
        ];
    }
}
