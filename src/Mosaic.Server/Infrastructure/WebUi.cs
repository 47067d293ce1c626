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
        // Unknown /api routes stay a 404 ProblemDetails instead of returning the UI's HTML.
        app.MapFallback("/api/{**rest}", () => TypedResults.Problem("No such API endpoint.", statusCode: 404, title: "Not found"))
            .ExcludeFromDescription();
        if (HasUi(app)) app.MapFallbackToFile("index.html");
        return app;
    }

    private static bool HasUi(WebApplication app) =>
        app.Environment.WebRootPath is { } root && File.Exists(Path.Combine(root, "index.html"));
}
