using Microsoft.Extensions.DependencyInjection.Extensions;
using Mosaic.Server.Connectors;

namespace Mosaic.Server.Demo;

/// <summary>
/// --demo's remote MCP server with OAuth 2.1: the Sandbox's Acme Wiki, added as if an operator had written
/// <c>{"id": "acme_wiki", "url": "{sandbox}/mcp-auth/wiki", "auth": "oauth"}</c> in connectors.json. Its URL names the
/// Sandbox's port, so the port is chosen now, before the registry is built, and the Sandbox is started on it.
/// </summary>
public sealed record DemoWiki(int SandboxPort)
{
    public const string Id = "acme_wiki";

    public SourceDefinition Definition =>
        new()
        {
            Id = Id,
            Name = "Acme Wiki",
            Description = "Acme's internal wiki: a remote MCP server you connect with OAuth (the Sandbox plays it).",
            Icon = "mcp",
            Url = $"http://127.0.0.1:{SandboxPort}/mcp-auth/wiki",
            McpOAuth = new McpOAuthSettings([]),
            ReadOnlyTools = ["search_pages", "get_page", "whoami"],
        };
}

public static class DemoWikiExtensions
{
    public static WebApplicationBuilder AddDemoWiki(this WebApplicationBuilder builder)
    {
        var wiki = new DemoWiki(ChildProcess.FreePort());
        builder.Services.AddSingleton(wiki);
        // The registry AddConnectors built, plus the wiki (unless connectors.json already has a source of that id).
        var registered = builder.Services.LastOrDefault(d => d.ServiceType == typeof(SourceRegistry))?.ImplementationFactory;
        if (registered is null)
            return builder;
        builder.Services.Replace(
            ServiceDescriptor.Singleton(sp =>
            {
                var registry = (SourceRegistry)registered(sp);
                return registry.Find(DemoWiki.Id) is null ? new SourceRegistry([.. registry.All, wiki.Definition]) : registry;
            })
        );
        return builder;
    }
}
