using Mosaic.Sandbox.Acme;
using Bug = Mosaic.Sandbox.Acme.AcmeCompany.CheckoutBug;

namespace Mosaic.Sandbox.Slack;

/// <summary>Acme's Slack: the people, five channels and two DMs, telling the checkout-bug story as Jira and GitHub do.</summary>
public static class SlackSeed
{
    public const string BotUserId = "U0MOSAIC01";
    public const string General = "C0GENERAL1",
        CheckoutEng = "C0CHECKOUT",
        Launch = "C0LAUNCH01",
        Random = "C0RANDOM01",
        Leadership = "C0LEADERS1";
    public const string DmAliceBob = "D0ALICEBOB",
        DmBotAlice = "D0BOTALICE",
        DmAliceDave = "D0ALICEDAV";

    private static readonly AcmePerson A = AcmeCompany.Alice,
        B = AcmeCompany.Bob,
        C = AcmeCompany.Carol,
        D = AcmeCompany.Dave,
        E = AcmeCompany.Erin;

    public static IReadOnlyList<SlackUser> Users() =>
        [
            .. AcmeCompany.People.Select(p => new SlackUser(p.SlackId, p.SlackHandle, p.Name, p.Email, p.Title)),
            new SlackUser("U0FRANK001", "frank", "Frank Ito", "frank@acme.test", "Former contractor", Deleted: true),
            new SlackUser(BotUserId, "mosaic", "Mosaic", "", "", IsBot: true),
        ];

    public static IReadOnlyList<SlackChannel> Channels()
    {
        var everyone = AcmeCompany.People.Select(p => p.SlackId).Append(BotUserId).ToArray();
        var created = AcmeCompany.Now.AddYears(-2);
        return
        [
            new(
                General,
                "general",
                false,
                "Company-wide announcements",
                "This channel is for team-wide communication.",
                created,
                everyone,
                IsGeneral: true
            ),
            new(
                CheckoutEng,
                AcmeCompany.CheckoutBug.SlackChannel,
                false,
                $"Checkout bugs and fixes | now: {AcmeCompany.CheckoutBug.JiraKey}",
                "Everything about the storefront checkout.",
                created.AddMonths(3),
                [A.SlackId, B.SlackId, C.SlackId, D.SlackId, BotUserId]
            ),
            new(
                Launch,
                "launch",
                false,
                $"{AcmeCompany.Launch.ProductName} launch",
                "Launch coordination.",
                AcmeCompany.Now.AddMonths(-2),
                [A.SlackId, C.SlackId, E.SlackId, BotUserId]
            ),
            new(
                Random,
                "random",
                false,
                "Coffee, obviously",
                "Non-work banter.",
                created,
                [A.SlackId, B.SlackId, C.SlackId, D.SlackId, E.SlackId]
            ),
            new(Leadership, "leadership", true, "Managers only", "Hiring and planning.", created.AddMonths(6), [A.SlackId, E.SlackId]),
            new(DmAliceBob, "", true, "", "", created, [A.SlackId, B.SlackId], IsIm: true),
            new(DmAliceDave, "", true, "", "", created, [A.SlackId, D.SlackId], IsIm: true),
            new(DmBotAlice, "", true, "", "", created, [BotUserId, A.SlackId], IsIm: true),
        ];
    }

    public static IReadOnlyList<SlackMessage> Messages()
    {
        var list = new List<SlackMessage>();
        var seq = 0;
        string Post(string channel, TimeSpan ago, AcmePerson? who, string text, string? thread = null)
        {
            // Microseconds from a counter keep every ts unique, as Slack guarantees per channel.
            var at = AcmeCompany.Now - ago;
            var ts = $"{at.ToUnixTimeSeconds()}.{(++seq * 1000):D6}";
            list.Add(new SlackMessage(channel, ts, who?.SlackId ?? BotUserId, text, thread is null ? null : thread));
            return ts;
        }
        static TimeSpan Ago(int days, int hours = 0) => TimeSpan.FromDays(days) + TimeSpan.FromHours(hours);

        Post(General, Ago(20), A, "Welcome to Acme's Slack! Announcements go here.");
        Post(
            General,
            Ago(6),
            E,
            $"Reminder: the {AcmeCompany.Launch.CalendarEvent} is on the calendar for Friday. Plan: "
                + $"\"{AcmeCompany.Launch.PlanDocument}\" in Drive."
        );
        Post(General, Ago(1, 2), A, "All-hands moved to 4pm today.");

        Post(CheckoutEng, Ago(4), C, "Deployed the new cart drawer to staging.");
        Post(
            CheckoutEng,
            Ago(3, 6),
            D,
            $"Heads-up: a customer says they were charged twice for order {Bug.ShopifyOrderName} (support e-mail "
                + $"\"{Bug.SupportEmailSubject}\"). Anyone seen this?"
        );
        var root = Post(
            CheckoutEng,
            Ago(3, 5),
            B,
            $"Reproduced on staging: applying a discount code re-submits the payment intent, so the card is charged twice. Filed "
                + $"{Bug.JiraKey}."
        );
        list[^1] = list[^1] with { ThreadTs = root };
        Post(
            CheckoutEng,
            Ago(3, 4),
            C,
            "The frontend retries POST /checkout/discount on a 502 — that is probably the second submit.",
            root
        );
        Post(
            CheckoutEng,
            Ago(2, 20),
            B,
            $"Fix is up: acme/{AcmeCompany.MainRepo} PR #{Bug.GitHubFixPullRequest} (branch {Bug.FixBranch}). <@{A.SlackId}> could "
                + $"you review?",
            root
        );
        Post(CheckoutEng, Ago(2, 18), A, "Reviewing this afternoon. Let's add an idempotency key as well (ACME-141).", root);
        Post(
            CheckoutEng,
            Ago(2, 2),
            A,
            $"For the launch review: {Bug.JiraKey} must be merged before the {AcmeCompany.Launch.ProductName} launch."
        );
        Post(CheckoutEng, Ago(0, 22), B, $"PR #{Bug.GitHubFixPullRequest} updated after review; waiting on CI.");
        Post(CheckoutEng, Ago(0, 4), D, $"Refund for {Bug.ShopifyOrderName} went through (OPS-31). Thanks all!");

        Post(
            Launch,
            Ago(10),
            E,
            $"Kick-off for {AcmeCompany.Launch.ProductName}: plan is in Drive (\"{AcmeCompany.Launch.PlanDocument}\")."
        );
        Post(Launch, Ago(5), C, "Pricing page copy is in review (BREW-11).");
        Post(Launch, Ago(2, 1), E, $"Launch is blocked on the checkout fix ({Bug.JiraKey}). <@{A.SlackId}> what's the ETA?");
        Post(
            Launch,
            Ago(0, 3),
            E,
            $"<@{A.SlackId}> go/no-go for {AcmeCompany.Launch.ProductName} is tomorrow at 10:00. Will {Bug.JiraKey} be merged by then?"
        );

        Post(Random, Ago(8), B, "Who finished the office beans again?");
        Post(Random, Ago(7, 2), C, "Not me. Trying the Acme Brew Pro prototype though.");

        Post(Leadership, Ago(9), E, "Q4 hiring plan: one more backend engineer for payments.");
        Post(Leadership, Ago(3, 2), A, $"Checkout double-charge ({Bug.JiraKey}) is our top risk for the launch.");

        Post(DmAliceBob, Ago(2, 19), A, "Can you pair with Carol on the discount retry?");
        Post(DmAliceBob, Ago(2, 18), B, "Sure, after standup.");
        Post(DmAliceDave, Ago(3, 3), D, $"Do we refund {Bug.ShopifyOrderName} now or wait for the fix?");
        Post(DmAliceDave, Ago(3, 2), A, "Refund now, please.");
        Post(
            DmAliceDave,
            Ago(0, 2),
            D,
            $"Two more customers were charged twice today. Can we pause the discount code until PR #{Bug.GitHubFixPullRequest} ships?"
        );
        Post(DmBotAlice, Ago(0, 8), null, $"Daily digest: {Bug.JiraKey} in progress, PR #{Bug.GitHubFixPullRequest} awaiting CI.");
        return list;
    }
}
