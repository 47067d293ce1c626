using System.Text.RegularExpressions;
using Mosaic.Server.Connectors;

namespace Mosaic.Server.Sources.GoogleWorkspace;

/// <summary>Google Workspace: Gmail, Calendar, Drive, Docs and Sheets.</summary>
public sealed partial class GoogleWorkspaceSource : IBuiltInSource
{
    public const string Id = "google_workspace";

    public SourceDefinition Definition { get; } =
        new()
        {
            Id = Id,
            Name = "Google Workspace",
            Icon = "google",
            Assembly = "Mosaic.Connectors.GoogleWorkspace",
            Description = "Gmail, Calendar, Drive, Docs and Sheets",
            CredentialFields =
            [
                new("client_id", "OAuth Client ID", "text", true, "GOOGLE_OAUTH_CLIENT_ID"),
                new("client_secret", "OAuth Client Secret", "password", true, "GOOGLE_OAUTH_CLIENT_SECRET"),
                new("refresh_token", "Refresh Token", "password", true, "GOOGLE_REFRESH_TOKEN"),
                // A one-click connection's access token (docs/oauth.md): instead of the three above, never pasted.
                new("access_token", "Access token", "password", false, "GOOGLE_ACCESS_TOKEN") { OAuthOnly = true },
                new("api_base_url", "API base URL", "url", false, "GOOGLE_API_BASE_URL")
                {
                    Location = true,
                    Help = "Leave empty for Google's APIs.",
                },
            ],
            DirectRouting =
            [
                new(["calendar", "meeting", "meetings", "event", "events", "schedule"], "get_events"),
                new(["email", "emails", "gmail", "inbox", "mail"], "list_messages"),
                new(["spreadsheet", "sheet", "sheets"], "get_spreadsheet"),
                new(["drive", "file", "files", "document", "documents", "doc", "docs"], "search_drive_files"),
            ],
        };

    public SourcePresentation Presentation { get; } =
        new(
            "oklch(57.7% 0.245 27.325)",
            null,
            ["What's on my calendar this week?", "Search Drive for the Acme Brew Pro launch plan", "Show my latest emails"]
        );

    public IReadOnlyList<string> NameWords { get; } = ["gmail", "google"];

    public IReadOnlyList<WordSignal> Words { get; } =
    [
        new(0.9, ["gmail", "calendar", "drive", "google"]),
        new(
            0.6,
            [
                "email",
                "emails",
                "e-mail",
                "mail",
                "inbox",
                "meeting",
                "meetings",
                "event",
                "events",
                "schedule",
                "agenda",
                "invite",
                "doc",
                "docs",
                "document",
                "documents",
                "sheet",
                "sheets",
                "spreadsheet",
                "spreadsheets",
                "slides",
                "memo",
                "plan",
                "forecast",
                "unread",
            ]
        ),
        new(0.3, ["today", "tomorrow", "week", "launch", "deadline", "sync", "1:1"]),
    ];

    public IEnumerable<Signal> Entities(string query)
    {
        foreach (Match m in Email().Matches(query))
            yield return new(Id, 0.5, $"names the address {m.Value}");
        if (Date().IsMatch(query))
            yield return new(Id, 0.35, "mentions a date (calendar)");
    }

    public ValueTask<PlannedCall?> PlanOfflineAsync(OfflineQuestion q, CancellationToken ct) => ValueTask.FromResult<PlannedCall?>(Plan(q));

    private static PlannedCall Plan(OfflineQuestion q)
    {
        if (Calendar().IsMatch(q.Lower))
            return new("get_events");
        return PlannedCall.Search(Drive().IsMatch(q.Lower) ? "search_drive_files" : "list_messages", q.Phrase) with { Fallback = true };
    }

    [GeneratedRegex(@"[\w.+-]+@[\w-]+\.[\w.-]+")]
    private static partial Regex Email();

    [GeneratedRegex(
        @"\b(?:today|tomorrow|yesterday|tonight|this week|next week|monday|tuesday|wednesday|thursday|friday|\d{4}-\d{2}-\d{2})\b",
        RegexOptions.IgnoreCase
    )]
    private static partial Regex Date();

    [GeneratedRegex(@"\b(calendar|meeting|meetings|event|events|schedule|agenda|today|tomorrow)\b")]
    private static partial Regex Calendar();

    [GeneratedRegex(@"\b(doc|docs|document|drive|sheet|spreadsheet|plan|forecast)\b")]
    private static partial Regex Drive();
}
