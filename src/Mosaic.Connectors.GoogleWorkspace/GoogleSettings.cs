using Mosaic.Connectors.Common.Configuration;

namespace Mosaic.Connectors.GoogleWorkspace;

/// <summary>
/// The Google Workspace connector's settings (the google_workspace credential fields, docs/architecture.md#sources): either
/// an OAuth client with a refresh token, which the connector turns into access tokens itself, or GOOGLE_ACCESS_TOKEN alone,
/// an access token that Mosaic keeps fresh (a connection made with one click, docs/oauth.md) and that is used as is.
/// </summary>
public sealed record GoogleSettings
{
    public string? ClientId { get; init; }
    public string? ClientSecret { get; init; }
    public string? RefreshToken { get; init; }

    /// <summary>Used as is, never refreshed here: when Google refuses it, the host refreshes it and starts the connector again.</summary>
    public string? AccessToken { get; init; }
    public required GoogleEndpoints Endpoints { get; init; }

    public static GoogleSettings FromEnv(EnvConfig env)
    {
        var endpoints = GoogleEndpoints.From(env.Url("GOOGLE_API_BASE_URL"));
        if (env.Optional("GOOGLE_ACCESS_TOKEN") is { } accessToken)
            return new() { AccessToken = accessToken, Endpoints = endpoints };
        return new()
        {
            ClientId = env.Required("GOOGLE_OAUTH_CLIENT_ID"),
            ClientSecret = env.Required("GOOGLE_OAUTH_CLIENT_SECRET"),
            RefreshToken = env.Required("GOOGLE_REFRESH_TOKEN"),
            Endpoints = endpoints,
        };
    }
}

/// <summary>
/// Where each Google API lives. Normally the real hosts; with GOOGLE_API_BASE_URL every host folds onto
/// that one base (how the Sandbox, a proxy or a recording server is reached):
/// <code>
///   https://oauth2.googleapis.com/token        → {base}/token
///   https://www.googleapis.com/calendar/v3/... → {base}/calendar/v3/...
///   https://gmail.googleapis.com/gmail/v1/...  → {base}/gmail/v1/...
///   https://www.googleapis.com/drive/v3/...    → {base}/drive/v3/...
///   https://docs.googleapis.com/v1/...         → {base}/docs/v1/...
///   https://sheets.googleapis.com/v4/...       → {base}/sheets/v4/...
/// </code>
/// </summary>
public sealed record GoogleEndpoints(Uri Token, string Calendar, string Gmail, string Drive, string Docs, string Sheets)
{
    public static GoogleEndpoints From(Uri? baseUrl)
    {
        if (baseUrl is null)
            return new(
                new Uri("https://oauth2.googleapis.com/token"),
                "https://www.googleapis.com/calendar/v3",
                "https://gmail.googleapis.com/gmail/v1",
                "https://www.googleapis.com/drive/v3",
                "https://docs.googleapis.com/v1",
                "https://sheets.googleapis.com/v4"
            );
        var b = baseUrl.AbsoluteUri.TrimEnd('/');
        return new(new Uri($"{b}/token"), $"{b}/calendar/v3", $"{b}/gmail/v1", $"{b}/drive/v3", $"{b}/docs/v1", $"{b}/sheets/v4")
        {
            Web = b,
        };
    }

    /// <summary>
    /// Where the links the connector builds itself point: null for Google's own pages; with GOOGLE_API_BASE_URL, that
    /// base (Google's web paths under it), so the links of a Sandbox or proxy open there rather than at Google.
    /// </summary>
    public string? Web { get; init; }

    public string MailLink(string id) => Web is null ? $"https://mail.google.com/mail/u/0/#all/{id}" : $"{Web}/mail/message/{id}";

    public string DocLink(string id) => $"{Web ?? "https://docs.google.com"}/document/d/{id}/edit";

    public string SheetLink(string id) => $"{Web ?? "https://docs.google.com"}/spreadsheets/d/{id}/edit";

    public string DriveLink(string id) => $"{Web ?? "https://drive.google.com"}/open?id={id}";
}
