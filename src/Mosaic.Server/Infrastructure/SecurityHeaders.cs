namespace Mosaic.Server.Infrastructure;

/// <summary>Headers for every response: no framing, no MIME sniffing, no referrer leaks, a strict CSP.</summary>
public static class SecurityHeaders
{
    // The UI is built to static files (no inline script). Styles allow 'unsafe-inline' because
    // component libraries set style attributes; data: images cover inline icons.
    private const string Csp =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: https:; "
        + "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    // The OpenAPI browser (development only) loads its own inline bootstrap script.
    private const string DocsCsp =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data: https:; "
        + "font-src 'self' data: https:; connect-src 'self'; object-src 'none'; frame-ancestors 'none'";

    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        app.Use(
            (http, next) =>
            {
                var h = http.Response.Headers;
                h.ContentSecurityPolicy = http.Request.Path.StartsWithSegments("/scalar") ? DocsCsp : Csp;
                h.XContentTypeOptions = "nosniff";
                h.XFrameOptions = "DENY";
                h["Referrer-Policy"] = "no-referrer";
                h["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
                h["Cross-Origin-Opener-Policy"] = "same-origin";
                return next(http);
            }
        );
        if (!app.Environment.IsDevelopment())
            app.UseHsts();
        return app;
    }
}
