using System.Text.Json;
using Mosaic.Connectors.Common.Results;
using static Mosaic.Connectors.Jira.Tools.JiraFields;

namespace Mosaic.Connectors.Jira.Tools;

/// <summary>Turns Jira's issue JSON (ADF bodies, nested objects) into the compact <see cref="IssueDetail"/>.</summary>
internal static class JiraIssueReader
{
    private const int MaxDescription = 8000,
        MaxComment = 2000;

    public static IssueDetail Detail(JsonElement issue, int commentsToKeep, JiraSettings settings)
    {
        var f = issue.GetProperty("fields");
        var key = Str(issue, "key")!;
        var all =
            f.TryGetProperty("comment", out var c) && c.TryGetProperty("comments", out var list) ? list.EnumerateArray().ToList() : [];
        var total = c.ValueKind == JsonValueKind.Object && c.TryGetProperty("total", out var t) ? t.GetInt32() : all.Count;
        var shown = all.TakeLast(commentsToKeep)
            .Select(x => new CommentItem(
                Name(x, "author", "displayName"),
                Iso(Str(x, "created")),
                TextClip.Clip(x.TryGetProperty("body", out var b) ? AdfText.ToText(b) : "", MaxComment)!
            ))
            .ToList();
        return new IssueDetail
        {
            Key = key,
            Url = settings.BrowseUrl(key),
            Summary = Str(f, "summary") ?? "",
            Status = Name(f, "status"),
            StatusCategory =
                f.TryGetProperty("status", out var s) && s.ValueKind == JsonValueKind.Object ? Name(s, "statusCategory") : null,
            Type = Name(f, "issuetype"),
            Priority = Name(f, "priority"),
            Project = Name(f, "project", "key"),
            Assignee = Name(f, "assignee", "displayName"),
            AssigneeEmail = Name(f, "assignee", "emailAddress"),
            Reporter = Name(f, "reporter", "displayName"),
            Labels =
                f.TryGetProperty("labels", out var l) && l.ValueKind == JsonValueKind.Array
                    ? [.. l.EnumerateArray().Select(x => x.GetString() ?? "")]
                    : [],
            Created = Iso(Str(f, "created")),
            Updated = Iso(Str(f, "updated")),
            Description = f.TryGetProperty("description", out var d)
                ? TextClip.Clip(AdfText.ToText(d), MaxDescription) is { Length: > 0 } text
                    ? text
                    : null
                : null,
            Links = f.TryGetProperty("issuelinks", out var links)
                ? [.. links.EnumerateArray().Select(x => Link(x, settings)).OfType<LinkItem>()]
                : [],
            CommentsTotal = total,
            Comments = shown,
            Note = total > shown.Count ? $"showing the newest {shown.Count} of {total} comments; pass comments=N for more" : null,
        };
    }

    /// <summary>Jira states a link from this issue's side: outwardIssue → "blocks X", inwardIssue → "is blocked by X".</summary>
    private static LinkItem? Link(JsonElement link, JiraSettings settings)
    {
        var type = link.GetProperty("type");
        var (other, relation) =
            link.TryGetProperty("outwardIssue", out var o) && o.ValueKind == JsonValueKind.Object ? (o, Str(type, "outward"))
            : link.TryGetProperty("inwardIssue", out var i) && i.ValueKind == JsonValueKind.Object ? (i, Str(type, "inward"))
            : (default, null);
        if (other.ValueKind != JsonValueKind.Object || Str(other, "key") is not { } key)
            return null;
        var fields = other.TryGetProperty("fields", out var ff) ? ff : default;
        return new LinkItem(
            relation ?? Str(type, "name") ?? "relates to",
            key,
            Str(fields, "summary"),
            Name(fields, "status"),
            settings.BrowseUrl(key)
        );
    }
}
