namespace Mosaic.Connectors.GoogleWorkspace.Auth;

/// <summary>The read-only scopes the refresh token must have been granted (docs/google-workspace.md).</summary>
public static class GoogleScopes
{
    public static readonly string[] ReadOnly =
    [
        "https://www.googleapis.com/auth/calendar.readonly",
        "https://www.googleapis.com/auth/gmail.readonly",
        "https://www.googleapis.com/auth/drive.readonly",
        "https://www.googleapis.com/auth/documents.readonly",
        "https://www.googleapis.com/auth/spreadsheets.readonly",
    ];
}
