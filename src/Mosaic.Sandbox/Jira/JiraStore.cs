using System.Text.Json.Nodes;
using Mosaic.Sandbox.Acme;
using Mosaic.Sandbox.Infrastructure;

namespace Mosaic.Sandbox.Jira;

/// <summary>The live Jira data: the seed plus created and edited issues, restored by <c>POST /_sandbox/reset</c>.</summary>
public sealed class JiraStore
{
    private readonly Lock _gate = new();
    private Dictionary<string, JiraIssue> _issues = [];
    private int _nextId;
    private readonly TimeProvider _time;

    public JiraStore(SandboxState state)
    {
        _time = state.Time;
        Load();
        state.OnReset(Load);
    }

    public IReadOnlyList<JiraProject> Projects { get; } = JiraSeed.Projects();
    public IReadOnlyList<JiraLink> Links { get; } = JiraSeed.Links();

    /// <summary>Every credential the Sandbox accepts acts as Alice.</summary>
    public static AcmePerson Me => AcmeCompany.Alice;

    public JiraProject? Project(string keyOrId) =>
        Projects.FirstOrDefault(p => p.Key.Equals(keyOrId, StringComparison.OrdinalIgnoreCase) || p.Id == keyOrId);

    public static AcmePerson? Person(string? accountId) => AcmeCompany.People.FirstOrDefault(p => p.JiraAccountId == accountId);

    /// <summary>A person by account id, e-mail or display name (Jira Cloud's user fields accept all three in JQL).</summary>
    public static AcmePerson? FindPerson(string value) =>
        AcmeCompany.People.FirstOrDefault(p =>
            p.JiraAccountId == value
            || p.Email.Equals(value, StringComparison.OrdinalIgnoreCase)
            || p.Name.Equals(value, StringComparison.OrdinalIgnoreCase)
        );

    /// <summary>The Sandbox clock's time: created/updated stamps and JQL's now().</summary>
    public DateTimeOffset Now => _time.GetUtcNow();

    public IReadOnlyList<JiraIssue> All()
    {
        lock (_gate)
            return [.. _issues.Values];
    }

    public JiraIssue? Find(string keyOrId)
    {
        lock (_gate)
            return _issues.GetValueOrDefault(keyOrId.ToUpperInvariant()) ?? _issues.Values.FirstOrDefault(i => i.Id == keyOrId);
    }

    public JiraIssue Create(JiraProject project, Func<string, string, JiraIssue> build)
    {
        lock (_gate)
        {
            var number =
                _issues
                    .Values.Where(i => i.ProjectKey == project.Key)
                    .Select(i => int.Parse(i.Key[(project.Key.Length + 1)..]))
                    .DefaultIfEmpty(0)
                    .Max() + 1;
            var issue = build((++_nextId).ToString(), $"{project.Key}-{number}");
            _issues[issue.Key] = issue;
            return issue;
        }
    }

    public void Save(JiraIssue issue)
    {
        lock (_gate)
            _issues[issue.Key] = issue with { Updated = Now };
    }

    public JiraComment AddComment(string key, JsonNode body)
    {
        lock (_gate)
        {
            var issue = _issues[key];
            var comment = new JiraComment((++_nextId).ToString(), Me.JiraAccountId, body, Now);
            _issues[key] = issue with { Comments = [.. issue.Comments, comment], Updated = comment.Created };
            return comment;
        }
    }

    private void Load()
    {
        lock (_gate)
        {
            _issues = JiraSeed.Issues().ToDictionary(i => i.Key);
            _nextId = 50000;
        }
    }
}
