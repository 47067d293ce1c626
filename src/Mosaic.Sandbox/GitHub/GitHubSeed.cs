using Mosaic.Sandbox.Acme;
using static Mosaic.Sandbox.GitHub.GitHubDataset;

namespace Mosaic.Sandbox.GitHub;

/// <summary>Seeds Acme's GitHub org: people and labels here, each repository in its own part.</summary>
internal static partial class GitHubSeed
{
    public static readonly GhUser Alice = Person(AcmeCompany.Alice, 1001),
        Bob = Person(AcmeCompany.Bob, 1002),
        Carol = Person(AcmeCompany.Carol, 1003),
        Dave = Person(AcmeCompany.Dave, 1004),
        Erin = Person(AcmeCompany.Erin, 1005);
    public static readonly GhUser Dependabot = new("dependabot[bot]", 49699333, "Dependabot", "Bot");

    public static readonly GhLabel Bug = new(9001, "bug", "d73a4a", "Something isn't working");
    public static readonly GhLabel Enhancement = new(9002, "enhancement", "a2eeef", "New feature or request");
    public static readonly GhLabel Checkout = new(9003, "checkout", "fbca04", "Cart, payment and checkout flow");
    public static readonly GhLabel P1 = new(9004, "p1", "b60205", "Fix this week");
    public static readonly GhLabel Launch = new(9005, "launch", "0e8a16", "Acme Brew Pro launch");
    public static readonly GhLabel Performance = new(9006, "performance", "5319e7", "Speed and resource use");
    public static readonly GhLabel Dependencies = new(9007, "dependencies", "0366d6", "Pull requests that update a dependency file");
    public static readonly GhLabel Ci = new(9008, "ci", "ededed", "Build and test pipelines");
    public static readonly GhLabel Flaky = new(9009, "flaky-test", "c5def5", "A test that fails intermittently");
    public static readonly GhLabel Docs = new(9010, "documentation", "0075ca", "Improvements or additions to documentation");
    public static readonly GhLabel Security = new(9011, "security", "ee0701", "Security hardening");

    private static GhUser Person(AcmePerson p, long id) => new(p.GitHubLogin, id, p.Name);

    public static void People(GitHubDataset data) => data.Users.AddRange([Alice, Bob, Carol, Dave, Erin, Dependabot]);

    /// <summary>Builds a line of commits (given oldest first) on top of a parent; returns newest first.</summary>
    private static List<GhCommit> Line(
        string repo,
        string branch,
        string? parentSha,
        IEnumerable<(string Message, GhUser Author, double DaysAgo)> commits
    )
    {
        var line = new List<GhCommit>();
        var parent = parentSha;
        foreach (var (message, author, daysAgo) in commits)
        {
            var sha = Sha($"{repo}/{branch}/{line.Count}/{message}");
            line.Add(new GhCommit(repo, sha, message, author, Ago(daysAgo), parent));
            parent = sha;
        }
        line.Reverse();
        return line;
    }

    /// <summary>A branch forked from <paramref name="from"/> <paramref name="behind"/> commits below its head.</summary>
    private static GhBranch Fork(
        GhBranch from,
        string name,
        int behind,
        IEnumerable<(string Message, GhUser Author, double DaysAgo)> commits,
        bool isProtected = false
    )
    {
        var baseHistory = from.History.Skip(behind).ToList();
        var own = Line(from.Repo, name, baseHistory[0].Sha, commits);
        return new GhBranch(from.Repo, name, isProtected, [.. own, .. baseHistory]);
    }

    /// <summary>A main branch of <paramref name="count"/> commits spread over <paramref name="days"/> days.</summary>
    private static GhBranch MainLine(
        string repo,
        int count,
        double days,
        string[] messages,
        GhUser[] authors,
        params (string Message, GhUser Author, double DaysAgo)[] latest
    )
    {
        var older = Enumerable
            .Range(0, count - latest.Length)
            .Select(i => (messages[i % messages.Length], authors[i % authors.Length], days - i * (days - 2.5) / (count - latest.Length)));
        return new GhBranch(repo, "main", true, Line(repo, "main", null, older.Concat(latest)));
    }

    private static GhRun Run(
        GhWorkflow wf,
        int number,
        GhBranch branch,
        string ev,
        string? conclusion,
        GhUser actor,
        double daysAgo,
        string title,
        int? pr = null,
        string? sha = null
    ) =>
        new()
        {
            Id = wf.Id * 1000 + number,
            Workflow = wf,
            RunNumber = number,
            Branch = branch.Name,
            HeadSha = sha ?? branch.HeadSha,
            Event = ev,
            Status = conclusion is null ? "in_progress" : "completed",
            Conclusion = conclusion,
            Actor = actor,
            CreatedAt = Ago(daysAgo),
            UpdatedAt = Ago(daysAgo).AddMinutes(conclusion is null ? 2 : 7 + number % 5),
            DisplayTitle = title,
            PullRequest = pr,
        };
}
