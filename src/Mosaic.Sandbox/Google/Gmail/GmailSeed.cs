using Mosaic.Sandbox.Acme;

namespace Mosaic.Sandbox.Google.Gmail;

public sealed record GmailMessage(
    string Id,
    string ThreadId,
    string From,
    string To,
    string Subject,
    DateTimeOffset Date,
    string[] Labels,
    string Body
)
{
    public string? Cc { get; init; }

    /// <summary>An attached file's name and size, shown as a part with an attachmentId.</summary>
    public (string Name, string MimeType, int Size)? Attachment { get; init; }
}

/// <summary>
/// Alice's mailbox (she is in the support@ group): the customer's complaint about order #1042 and Dave's reply,
/// the complaint 20 hours before the Sandbox's start so it is inside "the last 24 hours" whatever the hour,
/// Bob's fix, the launch plan review request, notifications from Shopify, GitHub and Jira, and everyday mail.
/// </summary>
public static class GmailSeed
{
    public const string SupportThreadId = "18f3a1c2d4e5f042";

    private static string Addr(AcmePerson p) => $"{p.Name} <{p.Email}>";

    public static IReadOnlyList<GmailMessage> Messages { get; } = Build();

    private static IReadOnlyList<GmailMessage> Build()
    {
        var now = AcmeCompany.Now;
        var (alice, bob, carol, dave, erin) = (AcmeCompany.Alice, AcmeCompany.Bob, AcmeCompany.Carol, AcmeCompany.Dave, AcmeCompany.Erin);
        const string maya = "Maya Patel <maya.patel@example.com>";
        string[] inbox = ["INBOX", "CATEGORY_PERSONAL"];
        string[] updates = ["INBOX", "CATEGORY_UPDATES"];
        return
        [
            new(
                SupportThreadId,
                SupportThreadId,
                maya,
                "support@acme.test",
                AcmeCompany.CheckoutBug.SupportEmailSubject,
                now.AddHours(-20),
                ["UNREAD", "IMPORTANT", .. inbox],
                $"Hi Acme team,\n\nI just bought the {AcmeCompany.Launch.ProductName} grinder (order "
                    + $"{AcmeCompany.CheckoutBug.ShopifyOrderName}) with the discount code BREW10, and my card was charged $224.10 "
                    + $"twice. My bank shows two identical charges a few seconds apart.\n\nCould you refund the duplicate, "
                    + $"please? I'd still like to keep the order.\n\nThanks,\nMaya"
            ),
            new(
                "18f3a1c2d4e5f043",
                SupportThreadId,
                Addr(dave),
                maya,
                "Re: " + AcmeCompany.CheckoutBug.SupportEmailSubject,
                now.AddHours(-14),
                [.. inbox],
                "Hi Maya,\n\nSo sorry about that. I've refunded the duplicate charge of $224.10; it should appear on your statement "
                    + "in 3-5 business days. Your order ships as planned.\n\nOur engineers are fixing the checkout bug that caused "
                    + "it.\n\nBest,\nDave Okafor\nAcme Brew Support"
            )
            {
                Cc = alice.Email,
            },
            new(
                "18f3a1c2d4e5f051",
                "18f3a1c2d4e5f051",
                Addr(bob),
                Addr(alice),
                $"Fix for the double charge is up for review (PR #{AcmeCompany.CheckoutBug.GitHubFixPullRequest})",
                now.AddHours(-9),
                ["UNREAD", "IMPORTANT", .. inbox],
                $"Alice,\n\nPR #{AcmeCompany.CheckoutBug.GitHubFixPullRequest} on acme/storefront (branch "
                    + $"{AcmeCompany.CheckoutBug.FixBranch}) fixes {AcmeCompany.CheckoutBug.JiraKey}: applying a discount code "
                    + $"re-submitted the payment intent. I added an idempotency key and a regression test. Could you review "
                    + $"today?\n\nBob"
            ),
            new(
                "18f3a1c2d4e5f052",
                "18f3a1c2d4e5f052",
                Addr(erin),
                "engineering@acme.test",
                $"{AcmeCompany.Launch.PlanDocument} - please review before the launch review",
                now.AddHours(-26),
                ["IMPORTANT", .. inbox],
                $"Hi all,\n\nThe \"{AcmeCompany.Launch.PlanDocument}\" doc is in the Launch folder in Drive. Please add comments "
                    + $"before the {AcmeCompany.Launch.CalendarEvent}. The numbers are in the \"{AcmeCompany.Launch.Spreadsheet}\" "
                    + $"sheet.\n\nErin"
            ),
            new(
                "18f3a1c2d4e5f053",
                "18f3a1c2d4e5f053",
                $"{erin.Name} (Google Calendar) <calendar-notification@google.com>",
                Addr(alice),
                $"Invitation: {AcmeCompany.Launch.CalendarEvent}",
                now.AddDays(-4),
                [.. inbox],
                $"{erin.Name} has invited you to {AcmeCompany.Launch.CalendarEvent}.\n\nJoin with Google Meet."
            )
            {
                Attachment = ("invite.ics", "text/calendar", 1843),
            },
            new(
                "18f3a1c2d4e5f054",
                "18f3a1c2d4e5f054",
                "Shopify <no-reply@shopify.com>",
                "shop@acme.test",
                "[Acme Brew] Order #1044 placed by a customer",
                now.AddHours(-3),
                ["UNREAD", .. updates],
                "Order #1044 was placed on your store Acme Brew. Payment: authorized. View the order in your Shopify admin."
            ),
            new(
                "18f3a1c2d4e5f055",
                "18f3a1c2d4e5f055",
                "GitHub <notifications@github.com>",
                Addr(alice),
                $"[acme/storefront] {AcmeCompany.CheckoutBug.Summary} (Issue #{AcmeCompany.CheckoutBug.GitHubIssueNumber})",
                now.AddHours(-50),
                [.. updates],
                $"{carol.Name} opened issue #{AcmeCompany.CheckoutBug.GitHubIssueNumber}: customers using a discount code are "
                    + $"charged twice at checkout."
            ),
            new(
                "18f3a1c2d4e5f056",
                "18f3a1c2d4e5f056",
                "Jira <jira@acme.test>",
                Addr(alice),
                $"[JIRA] ({AcmeCompany.CheckoutBug.JiraKey}) {AcmeCompany.CheckoutBug.Summary}",
                now.AddDays(-2).AddHours(1),
                [.. updates],
                $"{dave.Name} created {AcmeCompany.CheckoutBug.JiraKey}, priority Highest, assigned to {bob.Name}."
            ),
            new(
                "18f3a1c2d4e5f057",
                "18f3a1c2d4e5f057",
                Addr(carol),
                Addr(alice),
                "Checkout UI screenshots",
                now.AddHours(-75),
                [.. inbox],
                "Here are the screenshots of the discount-code step where the double submit happens."
            )
            {
                Attachment = ("checkout-double-submit.png", "image/png", 248_112),
            },
            new(
                "18f3a1c2d4e5f058",
                "18f3a1c2d4e5f058",
                Addr(dave),
                Addr(alice),
                "Support queue: 3 double-charge reports",
                now.AddHours(-12),
                ["UNREAD", "IMPORTANT", .. inbox],
                "Alice, we now have three customers double-charged with BREW10 (#1038, #1042 and one pending). I've refunded two. "
                    + "Can we pause the code until the fix ships?\n\nDave"
            ),
            new(
                "18f3a1c2d4e5f059",
                "18f3a1c2d4e5f059",
                Addr(erin),
                Addr(alice),
                $"{AcmeCompany.Launch.Spreadsheet} updated",
                now.AddDays(-5),
                [.. inbox],
                $"I updated the \"{AcmeCompany.Launch.Spreadsheet}\" sheet with the {AcmeCompany.Launch.ProductName} pre-orders."
            ),
            new(
                "18f3a1c2d4e5f060",
                "18f3a1c2d4e5f060",
                "Coffee Trade Weekly <news@coffee-weekly.example>",
                Addr(alice),
                "This week: burr grinders, green coffee prices",
                now.AddDays(-6),
                ["INBOX", "CATEGORY_PROMOTIONS"],
                "Green coffee prices rose 4% this week. Plus: the best burr grinders of the year."
            ),
            new(
                "18f3a1c2d4e5f061",
                "18f3a1c2d4e5f061",
                "People Team <people@acme.test>",
                "everyone@acme.test",
                "Benefits enrollment closes Friday",
                now.AddDays(-8),
                [.. updates],
                "Reminder: benefits enrollment for next year closes this Friday."
            ),
            new(
                "18f3a1c2d4e5f062",
                "18f3a1c2d4e5f051",
                Addr(alice),
                Addr(bob),
                $"Re: Fix for the double charge is up for review (PR #{AcmeCompany.CheckoutBug.GitHubFixPullRequest})",
                now.AddHours(-8),
                ["SENT"],
                "Looking now. Let's also add a test for stacked discount codes."
            ),
            new(
                "18f3a1c2d4e5f063",
                "18f3a1c2d4e5f063",
                "Acme IT <it@acme.test>",
                Addr(alice),
                "Welcome to Acme",
                now.AddDays(-40),
                ["CATEGORY_UPDATES"],
                "Welcome aboard! Your laptop and accounts are ready."
            ),
        ];
    }
}
