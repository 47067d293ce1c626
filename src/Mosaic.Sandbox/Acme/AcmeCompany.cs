namespace Mosaic.Sandbox.Acme;

/// <summary>A person at Acme, with their identity in every simulated service.</summary>
public sealed record AcmePerson(
    string Name,
    string Email,
    string Title,
    string SlackId,
    string SlackHandle,
    string GitHubLogin,
    string JiraAccountId
);

/// <summary>
/// The fixed facts every simulator shares, so one story reads the same in Slack, Jira, GitHub, Gmail
/// and Calendar: Acme sells "Acme Brew" coffee gear through a Shopify store, and this week a checkout
/// bug (double charges when a discount code is applied) is being chased across every tool.
/// Dates are relative to the Sandbox's start (its clock, see SandboxClock) so "recent" stays recent.
/// </summary>
public static class AcmeCompany
{
    public const string Domain = "acme.test";
    public const string GitHubOrg = "acme";
    public const string MainRepo = "storefront"; // acme/storefront
    public const string JiraProjectKey = "ACME";
    public const string SlackTeamId = "T0ACME001";

    public static readonly AcmePerson Alice = new(
        "Alice Chen",
        "alice@acme.test",
        "Engineering Manager",
        "U0ALICE01",
        "alice",
        "alice-chen",
        "5f1a-alice"
    );
    public static readonly AcmePerson Bob = new(
        "Bob Martinez",
        "bob@acme.test",
        "Backend Engineer",
        "U0BOB0001",
        "bob",
        "bobm",
        "5f1a-bob"
    );
    public static readonly AcmePerson Carol = new(
        "Carol Singh",
        "carol@acme.test",
        "Frontend Engineer",
        "U0CAROL01",
        "carol",
        "carol-s",
        "5f1a-carol"
    );
    public static readonly AcmePerson Dave = new(
        "Dave Okafor",
        "dave@acme.test",
        "Support Lead",
        "U0DAVE001",
        "dave",
        "dokafor",
        "5f1a-dave"
    );
    public static readonly AcmePerson Erin = new(
        "Erin Walsh",
        "erin@acme.test",
        "Product Manager",
        "U0ERIN001",
        "erin",
        "erinw",
        "5f1a-erin"
    );

    public static readonly IReadOnlyList<AcmePerson> People = [Alice, Bob, Carol, Dave, Erin];

    /// <summary>The checkout bug, as each service knows it.</summary>
    public static class CheckoutBug
    {
        public const string Summary = "Checkout double-charges when a discount code is applied";
        public const string JiraKey = "ACME-142";
        public const int GitHubIssueNumber = 87;
        public const int GitHubFixPullRequest = 91; // "Fix double charge on discounted checkout", by Bob, Alice reviewing
        public const string FixBranch = "fix/checkout-double-charge";
        public const string SlackChannel = "checkout-eng";
        public const string ShopifyOrderName = "#1042"; // a customer's double-charged order
        public const string SupportEmailSubject = "Charged twice for my order #1042";
    }

    /// <summary>The Acme Brew launch, on the calendar and in Drive.</summary>
    public static class Launch
    {
        public const string ProductName = "Acme Brew Pro";
        public const string CalendarEvent = "Acme Brew Pro launch review";
        public const string PlanDocument = "Acme Brew Pro launch plan";
        public const string Spreadsheet = "Q4 sales forecast";
    }

    private static DateTimeOffset? _now;

    /// <summary>
    /// The moment the seed data is anchored to: the Sandbox clock's time at start (<see cref="AnchorAt"/>), so dates
    /// stay recent. Read before it is set, it fails: a seed built on another clock would not match the searches.
    /// </summary>
    public static DateTimeOffset Now =>
        _now ?? throw new InvalidOperationException("AcmeCompany.AnchorAt must run before the seed data is built.");

    /// <summary>Anchors every seed to <paramref name="now"/>; once per process, before the simulators are mapped.</summary>
    public static void AnchorAt(DateTimeOffset now)
    {
        if (_now is not null && _now != now)
            throw new InvalidOperationException("The seed data is already anchored.");
        _now = now;
    }
}
