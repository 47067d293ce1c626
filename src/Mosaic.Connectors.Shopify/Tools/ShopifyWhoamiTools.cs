using System.ComponentModel;
using System.Text.Json.Nodes;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Mosaic.Connectors.Common.Results;

namespace Mosaic.Connectors.Shopify.Tools;

/// <summary>Which store the access token opens: the connection test, and the shop domain the digest knows it by.</summary>
[McpServerToolType]
public sealed class ShopifyWhoamiTools(ShopifyClient api)
{
    [McpServerTool(Name = Whoami.ToolName, ReadOnly = true, Idempotent = true, OpenWorld = true)]
    [Description(
        "Which Shopify store this access token opens: its name, myshopify domain, primary domain, plan and currency. Use it "
            + "to check the connection."
    )]
    public Task<CallToolResult> WhoamiAsync(CancellationToken cancellationToken = default) =>
        Whoami.RunAsync(async () =>
        {
            var shop = (await api.QueryAsync("Shop", ShopifyQueries.Shop, [], cancellationToken))["shop"];
            var domain = WhatsNew.Text(shop?["myshopifyDomain"]) ?? "";
            var name = WhatsNew.Text(shop?["name"]) ?? domain;
            return Whoami.Result(
                $"{name} ({domain})",
                domain,
                new JsonObject
                {
                    ["shop"] = name,
                    ["domain"] = domain,
                    ["primary_domain"] = WhatsNew.Text(shop?["primaryDomain"]?["host"]),
                    ["url"] = WhatsNew.Text(shop?["url"]),
                    ["plan"] = WhatsNew.Text(shop?["plan"]?["displayName"]),
                    ["currency"] = WhatsNew.Text(shop?["currencyCode"]),
                }
            );
        });
}
