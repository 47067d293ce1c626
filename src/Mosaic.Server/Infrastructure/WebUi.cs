using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;
using Mosaic.Server.Configuration;

namespace Mosaic.Server.Infrastructure;

/// <summary>
/// Serves the built web UI (wwwroot, or MOSAIC_WEB_ROOT) when it has an index.html: static files,
/// and index.html for any non-/api path (client-side routing). Without a UI build the server is API-only.
/// </summary>
public static class WebUi
{
    public static WebApplication UseWebUi(this WebApplication app)
    {
        if (UiFiles(app) is not { } files)
            return app;
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions { FileProvider = files });
        return app;
    }

    public static WebApplication MapWebUiFallback(this WebApplication app)
    {
        // /api paths are excluded so an unknown API route stays a 404 ProblemDetails (and a wrong
        // method a 405) instead of returning the UI's HTML; "nonfile" keeps missing assets a 404.
        if (UiFiles(app) is { } files)
            app.MapFallbackToFile("{*path:nonfile:regex(^(?!api(/|$)).*$)}", "index.html", new StaticFileOptions { FileProvider = files });
        return app;
    }

    private static IFileProvider? UiFiles(WebApplication app)
    {
        var configured = app.Services.GetRequiredService<IOptions<MosaicSettings>>().Value.WebRoot;
        var root = string.IsNullOrWhiteSpace(configured) ? app.Environment.WebRootPath : Path.GetFullPath(configured);
        return root is not null && File.Exists(Path.Combine(root, "index.html")) ? new PhysicalFileProvider(root) : null;
    }
}
