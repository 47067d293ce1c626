using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Mosaic.Connectors.Tests.Infrastructure;

namespace Mosaic.Connectors.Tests.Sandbox;

/// <summary>
/// Every link the connectors give out over the Sandbox's data is at the Sandbox's own address and opens a page there
/// titled with the item (so the demo's and the evaluation's links resolve); a link to an item that does not exist: 404.
/// </summary>
public sealed partial class SandboxLinkTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>
{
    [Theory]
    [InlineData("Slack", "slack", "read_messages", """{"channel":"#checkout-eng","limit":50}""", "Refund for #1042")]
    [InlineData("Slack", "slack", "search_messages", """{"query":"checkout"}""", "checkout")]
    [InlineData("Jira", "jira", "query_jira", """{"jql":"project = ACME ORDER BY key"}""", "ACME-142: Checkout double-charges")]
    [InlineData("Jira", "jira", "list_projects", "{}", "ACME: Acme Storefront")]
    [InlineData("GitHub", "github", "list_pull_requests", """{"repo":"acme/storefront","state":"all"}""", "Fix double charge")]
    [InlineData("GitHub", "github", "list_commits", """{"repo":"acme/storefront"}""", "Merge pull request #86")]
    [InlineData("GitHub", "github", "get_workflow_runs", """{"repo":"acme/storefront"}""", "E2E")]
    [InlineData("Shopify", "shopify", "list_orders", """{"limit":50}""", "Order #1042")]
    [InlineData("Shopify", "shopify", "list_products", """{"limit":50}""", "Acme Brew Pro Grinder")]
    [InlineData("GoogleWorkspace", "google_workspace", "get_events", """{"limit":100}""", "Checkout incident sync")]
    [InlineData("GoogleWorkspace", "google_workspace", "list_messages", """{"limit":20}""", "Charged twice for my order #1042")]
    [InlineData("GoogleWorkspace", "google_workspace", "search_drive_files", """{"limit":50}""", "Acme Brew Pro launch plan")]
    [InlineData(
        "GoogleWorkspace",
        "google_workspace",
        "get_document",
        """{"document_id":"1BrewProLaunchPlan_doc_9fK2mQ7xW4tZ0aLp3"}""",
        "launch plan"
    )]
    [InlineData(
        "GoogleWorkspace",
        "google_workspace",
        "get_spreadsheet",
        """{"spreadsheet_id":"1Q4SalesForecast_sheet_6tR3wE8yU1iO4pA7sD"}""",
        "Q4 sales"
    )]
    public async Task Every_link_a_tool_returns_opens_a_page_at_the_sandbox(
        string connector,
        string source,
        string tool,
        string argsJson,
        string somePageMentions
    )
    {
        await using var process = await ConnectorProcess.StartAsync(connector, sandbox.EnvFor(source));
        var args = JsonSerializer.Deserialize<Dictionary<string, object?>>(argsJson);
        var links = Links((await process.CallAsync(tool, args)).Ok()).Distinct().ToList();

        Assert.NotEmpty(links);
        Assert.All(links, l => Assert.StartsWith(sandbox.BaseUrl + "/", l));
        var pages = new List<string>();
        foreach (var link in links)
        {
            using var response = await sandbox.Http.GetAsync(link);
            Assert.True(response.IsSuccessStatusCode, $"{link} answered {(int)response.StatusCode}");
            Assert.StartsWith("text/html", response.Content.Headers.ContentType?.ToString());
            pages.Add(await response.Content.ReadAsStringAsync());
        }
        Assert.Contains(pages, p => p.Contains(WebUtility.HtmlEncode(somePageMentions), StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("/slack/archives/C0CHECKOUT/p1000000000000001")]
    [InlineData("/slack/archives/C0NOSUCH99/p1000000000000001")]
    [InlineData("/jira/browse/ACME-999")]
    [InlineData("/github/acme/storefront/pull/500")]
    [InlineData("/github/acme/storefront/issues/91")]
    [InlineData("/github/acme/storefront/commit/0000000000000000000000000000000000000000")]
    [InlineData("/github/acme/storefront/actions/runs/42")]
    [InlineData("/github/nobody-here")]
    [InlineData("/shopify/admin/orders/5600002001")]
    [InlineData("/shopify/admin/products/1")]
    [InlineData("/google/calendar/event?eid=bm8tc3VjaC1ldmVudCBhbGljZUBhY21lLnRlc3Q")]
    [InlineData("/google/calendar/event?eid=%%%")]
    [InlineData("/google/document/d/1NoSuchDocument_doc_000000000/edit")]
    [InlineData("/google/spreadsheets/d/1BrewProLaunchPlan_doc_9fK2mQ7xW4tZ0aLp3/edit")]
    [InlineData("/google/mail/message/18f3a1c2d4e5f999")]
    [InlineData("/google/meet/acm-nope-brw")]
    public async Task A_link_to_an_item_that_does_not_exist_is_a_404(string path)
    {
        using var response = await sandbox.Http.GetAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    /// <summary>
    /// Every absolute link in a tool's structured result (url, link, permalink, meet_link, …) and every markdown link
    /// inside its text (a document's content), at any depth.
    /// </summary>
    private static IEnumerable<string> Links(JsonElement e) =>
        e.ValueKind switch
        {
            JsonValueKind.Object => e.EnumerateObject().SelectMany(p => Links(p.Value)),
            JsonValueKind.Array => e.EnumerateArray().SelectMany(Links),
            JsonValueKind.String when e.GetString() is { } s => LinksIn(s),
            _ => [],
        };

    private static IEnumerable<string> LinksIn(string s) =>
        (s.StartsWith("http://") || s.StartsWith("https://") ? [s] : Array.Empty<string>()).Concat(
            MarkdownLink().Matches(s).Select(m => m.Groups[1].Value)
        );

    [GeneratedRegex(@"\]\((https?://[^)\s]+)\)")]
    private static partial Regex MarkdownLink();
}
