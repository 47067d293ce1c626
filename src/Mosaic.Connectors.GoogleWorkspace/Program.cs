using Microsoft.Extensions.DependencyInjection;
using Mosaic.Connectors.Common.Hosting;
using Mosaic.Connectors.Common.Http;
using Mosaic.Connectors.GoogleWorkspace;
using Mosaic.Connectors.GoogleWorkspace.Auth;
using Mosaic.Connectors.GoogleWorkspace.Tools;

// An stdio MCP server over one person's Google Workspace (Calendar, Gmail, Drive, Docs, Sheets), read-only,
// signed in with an OAuth refresh token that it turns into short-lived access tokens as needed.
return await ConnectorHost.RunAsync(args, new ConnectorInfo("google_workspace", "Google Workspace"), connector =>
{
    var settings = GoogleSettings.FromEnv(connector.Env);
    connector.Services.AddSingleton(settings);
    // One access token per credential set (the process's, or a credential scope's), shared by all its tools; refreshed
    // once however many calls find it stale.
    connector.Services.AddSingleton<GoogleTokenCache>();
    connector.AddUpstreamHttpClient<GoogleOAuthClient>(_ => { });
    connector.AddUpstreamHttpClient<GoogleClient>(_ => { });
    connector.AddTools<CalendarTools>();
    connector.AddTools<GmailTools>();
    connector.AddTools<DriveTools>();
    connector.AddTools<DocsTools>();
    connector.AddTools<SheetsTools>();
    connector.AddTools<GoogleWhatsNewTools>();
    connector.AddTools<GoogleWhoamiTools>();
});
