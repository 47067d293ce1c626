using System.Globalization;

namespace Mosaic.Sandbox.Jira;

/// <summary>
/// What each supported JQL field means: project, key/issuekey/id, status, statusCategory, assignee, reporter,
/// priority, type/issuetype, labels, text/summary/description/comment (~), created/updated (dates or -Nd/-Nw/-Nh/-Nm).
/// Values that name nothing fail the way Jira does ("The value 'X' does not exist for the field 'status'.").
/// </summary>
public sealed class JqlFields(JiraStore store, DateTimeOffset now)
{
    public Func<JiraIssue, bool> Predicate(string field, string op, List<string> values)
    {
        if (op is "is" or "is not")
        {
            if (values[0].ToUpperInvariant() is not ("EMPTY" or "NULL"))
                throw new JqlException($"Error in the JQL Query: Expecting 'EMPTY' or 'NULL' after IS but got '{values[0]}'.");
            Func<JiraIssue, bool> empty = field switch
            {
                "assignee" => i => i.AssigneeId is null,
                "labels" => i => i.Labels.Count == 0,
                "description" => i => i.Description is null,
                _ => throw Unsupported(field, op),
            };
            return op == "is" ? empty : i => !empty(i);
        }
        if (field is "text" or "summary" or "description" or "comment")
        {
            if (op is not ("~" or "!~"))
                throw Unsupported(field, op);
            var words = values[0].Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => w.Trim('*', '?')).ToArray();
            Func<JiraIssue, bool> match = i => words.All(w => SearchText(i, field).Contains(w, StringComparison.OrdinalIgnoreCase));
            return op == "~" ? match : i => !match(i);
        }
        if (field is "created" or "updated")
        {
            var at = Date(values[0]);
            Func<JiraIssue, DateTimeOffset> get = field == "created" ? i => i.Created : i => i.Updated;
            return op switch
            {
                ">=" => i => get(i) >= at,
                ">" => i => get(i) > at,
                "<=" => i => get(i) <= at,
                "<" => i => get(i) < at,
                "=" => i => get(i).Date == at.Date,
                _ => throw Unsupported(field, op),
            };
        }

        Func<JiraIssue, string?> value = field switch
        {
            "project" => i => i.ProjectKey,
            "key" or "issuekey" or "id" => i => i.Key,
            "status" => i => i.Status,
            "statuscategory" => i => JiraCatalog.Status(i.Status).CategoryName,
            "assignee" => i => i.AssigneeId,
            "reporter" => i => i.ReporterId,
            "priority" => i => i.Priority,
            "type" or "issuetype" => i => i.IssueType,
            "labels" => _ => null,
            _ => throw new JqlException($"Field '{field}' does not exist or you do not have permission to view it."),
        };
        var wanted = values.Select(v => Canonical(field, v)).ToList();
        Func<JiraIssue, bool> isIn =
            field == "labels"
                ? i => i.Labels.Any(l => wanted.Contains(l, StringComparer.OrdinalIgnoreCase))
                : i => value(i) is { } v && wanted.Contains(v, StringComparer.OrdinalIgnoreCase);
        return op switch
        {
            "=" or "in" => isIn,
            "!=" or "not in" => i => !isIn(i),
            _ => throw Unsupported(field, op),
        };
    }

    public static Func<JiraIssue, IComparable> SortKey(string field) =>
        field switch
        {
            "created" => i => i.Created,
            "updated" => i => i.Updated,
            "key" or "issuekey" => i => (i.ProjectKey, int.Parse(i.Key[(i.ProjectKey.Length + 1)..])),
            "priority" => i => Array.IndexOf(JiraCatalog.Priorities, i.Priority),
            "status" => i => i.Status,
            "summary" => i => i.Summary,
            _ => throw new JqlException($"Not able to sort using field '{field}'."),
        };

    /// <summary>Maps a written value to the stored one, or fails like Jira when it names nothing.</summary>
    private string Canonical(string field, string v) =>
        field switch
        {
            "project" => store.Project(v)?.Key ?? throw NoValue(v, field),
            "key" or "issuekey" or "id" => store.Find(v)?.Key
                ?? throw new JqlException($"An issue with key '{v}' does not exist for field '{field}'."),
            "status" => JiraCatalog.Statuses.FirstOrDefault(s => s.Name.Equals(v, StringComparison.OrdinalIgnoreCase) || s.Id == v)?.Name
                ?? throw NoValue(v, field),
            "statuscategory" => JiraCatalog
                .Statuses.FirstOrDefault(s =>
                    s.CategoryName.Equals(v, StringComparison.OrdinalIgnoreCase)
                    || s.CategoryKey.Equals(v, StringComparison.OrdinalIgnoreCase)
                )
                ?.CategoryName
                ?? throw NoValue(v, field),
            "assignee" or "reporter" => v.Equals("currentUser()", StringComparison.OrdinalIgnoreCase)
                ? JiraStore.Me.JiraAccountId
                : JiraStore.FindPerson(v)?.JiraAccountId ?? throw NoValue(v, field),
            "priority" => JiraCatalog.Priorities.FirstOrDefault(p => p.Equals(v, StringComparison.OrdinalIgnoreCase))
                ?? throw NoValue(v, field),
            "type" or "issuetype" => JiraCatalog.IssueTypes.Keys.FirstOrDefault(t => t.Equals(v, StringComparison.OrdinalIgnoreCase))
                ?? throw NoValue(v, field),
            _ => v,
        };

    private DateTimeOffset Date(string v)
    {
        if (v.Equals("now()", StringComparison.OrdinalIgnoreCase))
            return now;
        if (v.Equals("startOfDay()", StringComparison.OrdinalIgnoreCase))
            return new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero);
        if (v.Length > 2 && v[0] is '-' or '+' && int.TryParse(v[1..^1], out var n))
        {
            var sign = v[0] == '-' ? -1 : 1;
            TimeSpan? unit = char.ToLowerInvariant(v[^1]) switch
            {
                'd' => TimeSpan.FromDays(1),
                'w' => TimeSpan.FromDays(7),
                'h' => TimeSpan.FromHours(1),
                'm' => TimeSpan.FromMinutes(1),
                _ => null,
            };
            if (unit is { } u)
                return now + sign * n * u;
        }
        string[] formats = ["yyyy-MM-dd", "yyyy/MM/dd", "yyyy-MM-dd HH:mm", "yyyy/MM/dd HH:mm"];
        return DateTimeOffset.TryParseExact(v, formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var d)
            ? d
            : throw new JqlException(
                $"Date value '{v}' for field is invalid. Valid formats include: 'yyyy/MM/dd HH:mm', 'yyyy-MM-dd HH:mm', "
                    + $"'yyyy/MM/dd', 'yyyy-MM-dd', or a period format e.g. '-5d', '4w 2d'."
            );
    }

    private static string SearchText(JiraIssue i, string field) =>
        field switch
        {
            "summary" => i.Summary,
            "description" => JiraAdf.AllText(i.Description),
            "comment" => string.Join(" ", i.Comments.Select(c => JiraAdf.AllText(c.Body))),
            _ => $"{i.Summary} {JiraAdf.AllText(i.Description)} {string.Join(" ", i.Comments.Select(c => JiraAdf.AllText(c.Body)))}",
        };

    private static JqlException NoValue(string v, string field) => new($"The value '{v}' does not exist for the field '{field}'.");

    private static JqlException Unsupported(string field, string op) =>
        new($"The operator '{op}' is not supported by the '{field}' field.");
}
