namespace Mosaic.Server.Infrastructure;

/// <summary>
/// Serves the built web UI from wwwroot when it exists: static files, and index.html for any
/// non-/api path (client-side routing). Without a UI build the server is API-only.
/// </summary>
public static class WebUi
{
    public static WebApplication UseWebUi(this WebApplication app)
    {
        if (!HasUi(app)) return app;
        app.UseDefaultFiles();
        app.UseStaticFiles();
        return app;
    }

    public static WebApplication MapWebUiFallback(this WebApplication app)
    {
        // /api paths are excluded so an unknown API route stays a 404 ProblemDetails (and a wrong
        // method a 405) instead of returning the UI's HTML.
        if (HasUi(app)) app.MapFallbackToFile("{*path:regex(^(?!api(/|$)).*$)}", "index.html");
        return app;
    }

    private static bool HasUi(WebApplication app) =>
        app.Environment.WebRootPath is { } root && File.Exists(Path.Combine(root, "index.html"));
}
