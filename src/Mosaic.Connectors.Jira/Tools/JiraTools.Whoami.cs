using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Nodes;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Mosaic.Connectors.Common.Results;
using static Mosaic.Connectors.Jira.Tools.JiraFields;

namespace Mosaic.Connectors.Jira.Tools;

public sealed partial class JiraTools
{
    [McpServerTool(Name = Whoami.ToolName, ReadOnly = true, Idempotent = true, OpenWorld = true)]
    [Description("Who these Jira credentials act as: display name, account id and e-mail, and the site. Use it to check the connection.")]
    public Task<CallToolResult> WhoamiAsync(CancellationToken cancellationToken = default) =>
        Whoami.RunAsync(async () =>
        {
            var me = await jira.GetAsync("myself", cancellationToken);
            // Cloud names people by accountId; Server/Data Center (a personal access token) by name or key.
            var account = Str(me, "accountId") ?? Str(me, "name") ?? Str(me, "key") ?? "";
            var name = Str(me, "displayName") ?? account;
            var email = Str(me, "emailAddress");
            var site = settings.SiteUrl.Authority;
            return Whoami.Result(
                email is null ? $"{name} on {site}" : $"{name} ({email}) on {site}",
                account,
                new JsonObject
                {
                    ["display_name"] = name,
                    ["account_id"] = Str(me, "accountId"),
                    ["email"] = email,
                    ["active"] =
                        me.TryGetProperty("active", out var active) && active.ValueKind is JsonValueKind.True or JsonValueKind.False
                            ? active.GetBoolean()
                            : null,
                    ["time_zone"] = Str(me, "timeZone"),
                    ["site"] = settings.SiteUrl.AbsoluteUri.TrimEnd('/'),
                }
            );
        });
}
