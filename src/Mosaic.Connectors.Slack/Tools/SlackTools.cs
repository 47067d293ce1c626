using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Nodes;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Mosaic.Connectors.Common.Errors;
using Mosaic.Connectors.Common.Paging;
using Mosaic.Connectors.Common.Results;
using static Mosaic.Connectors.Slack.SlackClient;

namespace Mosaic.Connectors.Slack.Tools;

/// <summary>The Slack tools: listings here, messages in SlackTools.Messages.cs.</summary>
[McpServerToolType]
public sealed partial class SlackTools(SlackClient api, SlackDirectory directory)
{
    [McpServerTool(Name = "list_channels", ReadOnly = true, Idempotent = true, OpenWorld = true)]
    [Description(
        "List Slack channels these credentials can see (public, and private ones they belong to), with member counts, topics and "
            + "whether Mosaic is a member."
    )]
    public async Task<CallToolResult> ListChannels(
        [Description("Which channels: \"all\" (default), \"public\" or \"private\".")] string? kind = null,
        [Description("The next_cursor of a previous call, to get the following page.")] string? cursor = null,
        [Description("Maximum channels to return (default 50, max 200).")] int? limit = null,
        CancellationToken cancellationToken = default
    )
    {
        var types = (kind?.Trim().ToLowerInvariant() ?? "all") switch
        {
            "all" or "" => "public_channel,private_channel",
            "public" => "public_channel",
            "private" => "private_channel",
            _ => throw new ToolInputException($"kind must be \"all\", \"public\" or \"private\" (got \"{kind}\")."),
        };
        var take = Paging.Limit(limit, 50, 200);
        var paging = SlackPaging.From(cursor, Cursor.Scope("channels", types));
        var body = await api.ReadAsync(
            "conversations.list",
            [
                Arg("types", types),
                Arg("exclude_archived", "true"),
                Arg("limit", (paging.Skip + take).ToString()),
                Arg("cursor", paging.Upstream),
            ],
            cancellationToken
        );
        var page = body.GetProperty("channels")
            .EnumerateArray()
            .Skip(paging.Skip)
            .Take(take)
            .Select(c => new ChannelItem(
                Str(c, "id")!,
                Str(c, "name") ?? "",
                Bool(c, "is_private"),
                Bool(c, "is_member"),
                c.TryGetProperty("num_members", out var n) ? n.GetInt32() : null,
                Nested(c, "topic", "value"),
                Nested(c, "purpose", "value")
            ))
            .ToList();
        var upstreamNext = SlackDirectory.NextCursor(body);
        return ToolResults.List(
            page,
            new ListShape<ChannelItem>
            {
                ItemsName = "channels",
                TypeInfo = SlackJson.Default.ChannelItem,
                MoreUpstream = upstreamNext is not null,
                NextCursor = kept => paging.Next(kept, page.Count, upstreamNext),
            },
            $"{page.Count} Slack channel(s)"
        );
    }

    [McpServerTool(Name = "list_users", ReadOnly = true, Idempotent = true, OpenWorld = true)]
    [Description("List the people (and bots) in the Slack workspace: id, name, handle, title, e-mail, time zone.")]
    public async Task<CallToolResult> ListUsers(
        [Description("The next_cursor of a previous call, to get the following page.")] string? cursor = null,
        [Description("Maximum users to return (default 50, max 200).")] int? limit = null,
        CancellationToken cancellationToken = default
    )
    {
        var take = Paging.Limit(limit, 50, 200);
        var paging = SlackPaging.From(cursor, Cursor.Scope("users"));
        var body = await api.ReadAsync(
            "users.list",
            [Arg("limit", (paging.Skip + take).ToString()), Arg("cursor", paging.Upstream)],
            cancellationToken
        );
        var page = body.GetProperty("members")
            .EnumerateArray()
            .Skip(paging.Skip)
            .Take(take)
            .Select(u => new UserItem(
                Str(u, "id")!,
                Str(u, "real_name") ?? Nested(u, "profile", "real_name") ?? Str(u, "name") ?? "",
                Str(u, "name") ?? "",
                Blank(Nested(u, "profile", "title")),
                Blank(Nested(u, "profile", "email")),
                Str(u, "tz"),
                Bool(u, "is_bot"),
                Bool(u, "deleted")
            ))
            .ToList();
        var upstreamNext = SlackDirectory.NextCursor(body);
        return ToolResults.List(
            page,
            new ListShape<UserItem>
            {
                ItemsName = "users",
                TypeInfo = SlackJson.Default.UserItem,
                MoreUpstream = upstreamNext is not null,
                NextCursor = kept => paging.Next(kept, page.Count, upstreamNext),
            },
            $"{page.Count} Slack user(s)"
        );
    }

    [McpServerTool(Name = "list_dms", ReadOnly = true, Idempotent = true, OpenWorld = true)]
    [Description(
        "List direct-message conversations (with the user token: the person's own DMs; otherwise the app's), each with its latest "
            + "message. Read one with read_messages using its id."
    )]
    public async Task<CallToolResult> ListDms(
        [Description("The next_cursor of a previous call, to get the following page.")] string? cursor = null,
        [Description("Maximum conversations to return (default 20, max 50).")] int? limit = null,
        CancellationToken cancellationToken = default
    )
    {
        var take = Paging.Limit(limit, 20, 50);
        var paging = SlackPaging.From(cursor, Cursor.Scope("dms"));
        var body = await api.ReadAsync(
            "conversations.list",
            [Arg("types", "im"), Arg("limit", (paging.Skip + take).ToString()), Arg("cursor", paging.Upstream)],
            cancellationToken
        );
        var names = await directory.UserNamesAsync(cancellationToken);
        var workspace = await directory.WorkspaceUrlAsync(cancellationToken);
        var ims = body.GetProperty("channels").EnumerateArray().Skip(paging.Skip).Take(take).ToList();
        var page = await Task.WhenAll(
            ims.Select(async im =>
            {
                var id = Str(im, "id")!;
                var user = Str(im, "user");
                var latest = await LatestMessageAsync(id, cancellationToken);
                return new DmItem(
                    id,
                    user,
                    user is null ? null : names(user),
                    latest is { } m ? TextClip.Clip(SlackText.Readable(Str(m, "text") ?? "", names), 300) : null,
                    latest is { } t ? SlackText.Iso(Str(t, "ts")!) : null,
                    latest is { } p ? SlackText.Permalink(workspace, id, Str(p, "ts")!, null) : null
                );
            })
        );
        var upstreamNext = SlackDirectory.NextCursor(body);
        return ToolResults.List(
            page,
            new ListShape<DmItem>
            {
                ItemsName = "dms",
                TypeInfo = SlackJson.Default.DmItem,
                MoreUpstream = upstreamNext is not null,
                NextCursor = kept => paging.Next(kept, page.Length, upstreamNext),
            },
            $"{page.Length} direct-message conversation(s)"
        );
    }

    /// <summary>The newest message of a DM, or null when the token may not read its history (a Slack-level refusal, not a transport
    /// error).</summary>
    private async Task<JsonElement?> LatestMessageAsync(string channelId, CancellationToken ct)
    {
        try
        {
            var body = await api.ReadAsync("conversations.history", [Arg("channel", channelId), Arg("limit", "1")], ct);
            return body.GetProperty("messages").EnumerateArray().FirstOrDefault() is { ValueKind: JsonValueKind.Object } m ? m : null;
        }
        catch (UpstreamException e) when (e.Status is null)
        {
            return null;
        }
    }

    internal static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    internal static bool Bool(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.True;

    internal static string? Nested(JsonElement e, string outer, string inner) =>
        e.TryGetProperty(outer, out var o) && o.ValueKind == JsonValueKind.Object ? Blank(Str(o, inner)) : null;

    internal static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;

    internal static JsonObject ChannelJson(SlackDirectory.ChannelRef c) => new() { ["id"] = c.Id, ["name"] = c.Name };
}
