using System.Security.Cryptography;
using System.Text;
using Mosaic.Sandbox.Acme;

namespace Mosaic.Sandbox.GitHub;

/// <summary>
/// Acme's GitHub org as the simulator serves it. Read-only after seeding (the connector has no write
/// tools), so one instance is shared by every request.
/// </summary>
public sealed class GitHubDataset
{
    public List<GhUser> Users { get; } = [];
    public List<GhRepo> Repos { get; } = [];
    public List<GhIssue> Issues { get; } = [];
    public List<GhComment> Comments { get; } = [];
    public List<GhBranch> Branches { get; } = [];
    public List<GhCheckRun> CheckRuns { get; } = [];
    public List<GhStatus> Statuses { get; } = [];
    public List<GhWorkflow> Workflows { get; } = [];
    public List<GhRun> Runs { get; } = [];

    /// <summary>The account the Sandbox token belongs to (what GET /user answers).</summary>
    public GhUser Viewer => User(AcmeCompany.Alice.GitHubLogin)!;

    public static GitHubDataset Build()
    {
        var data = new GitHubDataset();
        GitHubSeed.People(data);
        GitHubSeed.Storefront(data);
        GitHubSeed.OtherRepos(data);
        return data;
    }

    public GhUser? User(string login) => Users.FirstOrDefault(u => u.Login.Equals(login, StringComparison.OrdinalIgnoreCase));

    public GhRepo? Repo(string owner, string name) =>
        owner.Equals(AcmeCompany.GitHubOrg, StringComparison.OrdinalIgnoreCase)
            ? Repos.FirstOrDefault(r => r.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
            : null;

    public GhIssue? Issue(string repo, int number) => Issues.FirstOrDefault(i => i.Repo == repo && i.Number == number);

    public GhBranch? Branch(string repo, string name) => Branches.FirstOrDefault(b => b.Repo == repo && b.Name == name);

    /// <summary>The history GET /commits?sha=X walks: from a branch head, or from a commit SHA (full or prefix).</summary>
    public IReadOnlyList<GhCommit>? HistoryFrom(string repo, string shaOrBranch)
    {
        if (Branch(repo, shaOrBranch) is { } branch)
            return branch.History;
        if (shaOrBranch.Length < 7)
            return null;
        foreach (var b in Branches.Where(b => b.Repo == repo))
        {
            var at = b.History.ToList().FindIndex(c => c.Sha.StartsWith(shaOrBranch, StringComparison.OrdinalIgnoreCase));
            if (at >= 0)
                return b.History.Skip(at).ToList();
        }
        return null;
    }

    /// <summary>A commit by branch or SHA; the heads of pull requests whose branches are gone (merged, closed) count too.</summary>
    public GhCommit? Commit(string repo, string shaOrBranch) =>
        HistoryFrom(repo, shaOrBranch)?.FirstOrDefault()
        ?? Issues
            .Where(i =>
                i.Repo == repo
                && i.Pull is { } p
                && shaOrBranch.Length >= 7
                && p.HeadSha.StartsWith(shaOrBranch, StringComparison.OrdinalIgnoreCase)
            )
            .Select(i => new GhCommit(repo, i.Pull!.HeadSha, i.Title, i.Author, i.CreatedAt, null))
            .FirstOrDefault();

    /// <summary>Deterministic 40-hex SHA, so links and tests stay stable across restarts.</summary>
    public static string Sha(string seed) => Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(seed)));

    /// <summary>Seed times are anchored to the Sandbox's start (whole seconds), so "recent" stays recent.</summary>
    public static DateTimeOffset Ago(double days) => DateTimeOffset.FromUnixTimeSeconds(AcmeCompany.Now.ToUnixTimeSeconds()).AddDays(-days);
}
