using System.ComponentModel;
using System.Security.Claims;
using ModelContextProtocol.Server;

namespace Mosaic.Sandbox.McpAuth;

/// <summary>The Acme Wiki: a remote MCP server behind OAuth 2.1, with a few read tools over a handful of pages.</summary>
[McpServerToolType]
public sealed class WikiTools(IHttpContextAccessor http)
{
    sealed record Page(string Slug, string Title, string Body);

    static readonly Page[] Pages =
    [
        new(
            "checkout-runbook",
            "Checkout runbook",
            "When checkout errors spike: check the payments dashboard, then page #checkout-eng on call."
        ),
        new("release-process", "Release process", "Releases ship on Tuesdays after the storefront smoke tests pass in CI."),
        new(
            "onboarding",
            "Engineering onboarding",
            "New engineers get GitHub, Jira and Slack access on day one; Alice Chen runs the tour."
        ),
        new("holiday-freeze", "Holiday code freeze", "No storefront deploys from Dec 15 to Jan 2 without a VP's sign-off."),
    ];

    [McpServerTool(Name = "search_pages", ReadOnly = true), Description("Searches the Acme Wiki's pages by words in the title or text.")]
    public object SearchPages(
        [Description("Words to look for")] string query,
        [Description("At most this many pages (1-10)")] int limit = 5
    )
    {
        var words = query.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var found = Pages
            .Where(p => words.Any(w => (p.Title + " " + p.Body).Contains(w, StringComparison.OrdinalIgnoreCase)))
            .Take(Math.Clamp(limit, 1, 10))
            .Select(p => new { slug = p.Slug, title = p.Title });
        return new { pages = found.ToList() };
    }

    [McpServerTool(Name = "get_page", ReadOnly = true), Description("Reads one Acme Wiki page by its slug.")]
    public object GetPage([Description("The page's slug, e.g. checkout-runbook")] string slug) =>
        Pages.FirstOrDefault(p => p.Slug == slug) is { } page
            ? new
            {
                slug = page.Slug,
                title = page.Title,
                body = page.Body,
            }
            : throw new ArgumentException($"There is no page '{slug}'.");

    // Shaped as Mosaic's connectors answer whoami (identity line + account), as structured content.
    [McpServerTool(Name = "whoami", ReadOnly = true, UseStructuredContent = true)]
    [Description("Who the connection acts as in the Acme Wiki.")]
    public object WhoAmI()
    {
        var user = http.HttpContext?.User;
        var email = user?.FindFirstValue(ClaimTypes.Email);
        return new { identity = $"{user?.Identity?.Name} ({email}) in the Acme Wiki", account = email };
    }
}
