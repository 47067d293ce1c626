using System.ComponentModel;
using System.Text.Json.Nodes;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Mosaic.Connectors.Common.Results;

namespace Mosaic.Connectors.GoogleWorkspace.Tools;

/// <summary>
/// Whose Google account the refresh token signs in as. Gmail's profile gives the address with the gmail.readonly scope the
/// connector already has (the userinfo endpoint would need the extra email scope).
/// </summary>
[McpServerToolType]
public sealed class GoogleWhoamiTools(GoogleClient google, GoogleSettings settings)
{
    [McpServerTool(Name = Whoami.ToolName, ReadOnly = true, Idempotent = true, OpenWorld = true)]
    [Description(
        "Whose Google account these credentials sign in as: the e-mail address and the size of its mailbox. Use it to check the connection."
    )]
    public Task<CallToolResult> WhoamiAsync(CancellationToken cancellationToken = default) =>
        Whoami.RunAsync(async () =>
        {
            var profile = await google.GetAsync("Gmail", $"{settings.Endpoints.Gmail}/users/me/profile", cancellationToken);
            var email = WhatsNew.Text(profile["emailAddress"]) ?? "";
            return Whoami.Result(
                $"{email} (Google Workspace)",
                email,
                new JsonObject
                {
                    ["email"] = email,
                    ["messages_total"] = profile["messagesTotal"]?.DeepClone(),
                    ["threads_total"] = profile["threadsTotal"]?.DeepClone(),
                }
            );
        });
}
