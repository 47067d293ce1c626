using System.Net;

namespace Mosaic.Sandbox.Infrastructure;

/// <summary>
/// The small HTML pages behind the links the simulators give out (Slack permalinks, Google Calendar, Drive and Gmail
/// links, Shopify admin links, Jira browse links, GitHub html_url), at the Sandbox's own address, so a link in an
/// answer opens something in tests and in the demo. No auth: they are what a browser opens. An unknown item: 404.
/// </summary>
public static class SandboxPages
{
    /// <summary>The address the request reached the Sandbox at ("http://127.0.0.1:5221"): links are built on it.</summary>
    public static string BaseUrl(HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}";

    /// <summary>A page titled <paramref name="title"/>, with lines of plain text (encoded here) under it.</summary>
    public static IResult Page(string title, params string?[] lines) =>
        Html(title, string.Concat(lines.Where(l => !string.IsNullOrEmpty(l)).Select(l => $"<p>{WebUtility.HtmlEncode(l)}</p>")));

    /// <summary>A page titled <paramref name="title"/> with a body that is already HTML.</summary>
    public static IResult Html(string title, string bodyHtml) =>
        Results.Content(
            $"<!doctype html><meta charset=utf-8><title>{WebUtility.HtmlEncode(title)}</title>"
                + $"<h1>{WebUtility.HtmlEncode(title)}</h1>{bodyHtml}<p><small>Mosaic Sandbox (simulated data)</small></p>",
            "text/html; charset=utf-8"
        );
}
