using System.ComponentModel;
using System.Text.Json.Nodes;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Mosaic.Connectors.Common.Errors;
using Mosaic.Connectors.Common.Results;
using static Mosaic.Connectors.Slack.SlackClient;

namespace Mosaic.Connectors.Slack.Tools;

public sealed partial class SlackTools
{
    [McpServerTool(Name = Whoami.ToolName, ReadOnly = true, Idempotent = true, OpenWorld = true)]
    [Description(
        "Who these Slack credentials act as: the person (or the app's bot user, without a user token), their user id and the "
            + "workspace. Use it to check that the connection works."
    )]
    public Task<CallToolResult> WhoamiAsync(CancellationToken cancellationToken = default) =>
        Whoami.RunAsync(async () =>
        {
            // auth.test answers for the token reads use (the user token when set), so this is who the other tools act as.
            var auth = await api.ReadAsync("auth.test", [], cancellationToken);
            var userId = Str(auth, "user_id") ?? "";
            var handle = Str(auth, "user") ?? userId;
            var team = Str(auth, "team") ?? Str(auth, "team_id") ?? "Slack";
            var name = await RealNameAsync(userId, cancellationToken);
            var identity = name is null || name == handle ? $"@{handle} in {team}" : $"{name} (@{handle}) in {team}";
            return Whoami.Result(
                identity,
                userId,
                new JsonObject
                {
                    ["user_id"] = userId,
                    ["user"] = handle,
                    ["name"] = name,
                    ["team"] = team,
                    ["team_id"] = Str(auth, "team_id"),
                    ["url"] = Str(auth, "url"),
                    ["is_bot"] = Str(auth, "bot_id") is not null,
                    ["token"] = api.HasUserToken ? "user" : "bot",
                }
            );
        });

    /// <summary>The user's real name; null when users.info is refused (a token without users:read still passes the test).</summary>
    private async Task<string?> RealNameAsync(string userId, CancellationToken ct)
    {
        if (userId.Length == 0)
            return null;
        try
        {
            var info = await api.ReadAsync("users.info", [Arg("user", userId)], ct);
            var user = info.GetProperty("user");
            return Blank(Str(user, "real_name")) ?? Nested(user, "profile", "real_name");
        }
        catch (UpstreamException e) when (e.Status is null)
        {
            return null;
        }
    }
}
