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

public sealed partial class SlackTools
{
    private const int MaxMessageChars = 1500;

    [McpServerTool(Name = "read_messages", ReadOnly = true, Idempotent = true, OpenWorld = true)]
    [Description(
        "Read messages from a Slack channel or DM, newest first, with author names, ISO times and permalinks; or, with thread_ts, "
            + "the replies of one thread (oldest first)."
    )]
    public async Task<CallToolResult> ReadMessages(
        [Description("The channel: a #name (e.g. #general) or an id (C…, G…, or D… for a DM).")] string channel,
        [Description("Maximum messages to return (default 20, max 100).")] int? limit = null,
        [Description("Only messages after this time: an ISO date/time (2024-05-01T09:00:00Z) or a Slack ts.")] string? oldest = null,
        [Description("Only messages before this time: an ISO date/time or a Slack ts.")] string? latest = null,
        [Description("A thread's parent ts (from a message with reply_count): returns that thread's replies instead of the channel.")]
            string? thread_ts = null,
        [Description("The next_cursor of a previous call, to get the following page.")] string? cursor = null,
        CancellationToken cancellationToken = default
    )
    {
        var take = Paging.Limit(limit, 20, 100);
        var from = SlackText.ToTs(oldest, "oldest");
        var to = SlackText.ToTs(latest, "latest");
        var target = await directory.ResolveChannelAsync(channel, cancellationToken);
        var paging = SlackPaging.From(cursor, Cursor.Scope("messages", target.Id, from, to, thread_ts));
        var body = await api.ReadAsync(
            thread_ts is null ? "conversations.history" : "conversations.replies",
            [
                Arg("channel", target.Id),
                Arg("ts", thread_ts),
                Arg("oldest", from),
                Arg("latest", to),
                Arg("limit", (paging.Skip + take).ToString()),
                Arg("cursor", paging.Upstream),
            ],
            cancellationToken
        );
        var names = await directory.UserNamesAsync(cancellationToken);
        var workspace = await directory.WorkspaceUrlAsync(cancellationToken);
        var page = body.GetProperty("messages")
            .EnumerateArray()
            .Skip(paging.Skip)
            .Take(take)
            .Select(m => Message(m, target.Id, names, workspace))
            .ToList();
        var upstreamNext = SlackDirectory.NextCursor(body);
        var where = target.Name is { } n ? "#" + n : target.Id;
        return ToolResults.List(
            page,
            new ListShape<MessageItem>
            {
                ItemsName = "messages",
                TypeInfo = SlackJson.Default.MessageItem,
                MoreUpstream = upstreamNext is not null,
                NextCursor = kept => paging.Next(kept, page.Count, upstreamNext),
                Extra = new JsonObject { ["channel"] = ChannelJson(target), ["thread_ts"] = thread_ts },
            },
            thread_ts is null
                ? $"{page.Count} message(s) from {where}, newest first"
                : $"{page.Count} message(s) of thread {thread_ts} in {where}"
        );
    }

    [McpServerTool(Name = "search_messages", ReadOnly = true, Idempotent = true, OpenWorld = true)]
    [Description(
        "Search Slack messages the person can see (needs a user token). Supports Slack's modifiers: in:#channel, from:@handle, "
            + "after:2024-05-01, before:…, \"exact phrase\"."
    )]
    public async Task<CallToolResult> SearchMessages(
        [Description("What to look for, e.g. \"double charge in:#checkout-eng\".")] string query,
        [Description("\"timestamp\" (newest first, default) or \"score\" (best match first).")] string? sort = null,
        [Description("The next_cursor of a previous call, to get the following page.")] string? cursor = null,
        [Description("Maximum matches to return (default 20, max 100).")] int? limit = null,
        CancellationToken cancellationToken = default
    )
    {
        if (!api.HasUserToken)
            throw new ToolInputException(
                "search_messages needs a Slack user token: Slack does not let bot tokens search (not_allowed_token_type). Add a user "
                    + "token (xoxp-…, scope search:read) to the Slack data source, or use read_messages on a channel instead."
            );
        if (string.IsNullOrWhiteSpace(query))
            throw new ToolInputException("query is required, e.g. \"refund in:#support\".");
        var order = (sort?.Trim().ToLowerInvariant() ?? "timestamp") is "timestamp" or "score" or ""
            ? sort?.Trim().ToLowerInvariant()
            : throw new ToolInputException("sort must be \"timestamp\" or \"score\".");
        var take = Paging.Limit(limit, 20, 100);
        var scope = Cursor.Scope("search", query, order);
        var offset = Cursor.DecodeOffset(cursor, scope);
        var body = await api.ReadAsync(
            "search.messages",
            [
                Arg("query", query),
                Arg("count", take.ToString()),
                Arg("page", (offset / take + 1).ToString()),
                Arg("sort", string.IsNullOrEmpty(order) ? "timestamp" : order),
                Arg("sort_dir", "desc"),
            ],
            cancellationToken,
            userTokenOnly: true
        );
        var messages = body.GetProperty("messages");
        var total = messages.TryGetProperty("total", out var t) ? t.GetInt32() : 0;
        var names = await directory.UserNamesAsync(cancellationToken);
        var page = messages
            .GetProperty("matches")
            .EnumerateArray()
            .Skip(offset % take)
            .Select(m =>
            {
                var ch = m.TryGetProperty("channel", out var c) ? c : default;
                var isIm = ch.ValueKind == JsonValueKind.Object && Bool(ch, "is_im");
                var chName = ch.ValueKind == JsonValueKind.Object ? Str(ch, "name") : null;
                var user = Str(m, "user");
                return new SearchHit(
                    Str(m, "ts")!,
                    SlackText.Iso(Str(m, "ts")!),
                    user is null ? Str(m, "username") : names(user) ?? user,
                    isIm && chName is not null ? $"DM with {names(chName) ?? chName}"
                        : chName is null ? null
                        : "#" + chName,
                    ch.ValueKind == JsonValueKind.Object ? Str(ch, "id") : null,
                    TextClip.Clip(SlackText.Readable(Str(m, "text") ?? "", names), MaxMessageChars)!,
                    Str(m, "permalink")
                );
            })
            .ToList();
        return ToolResults.List(
            page,
            new ListShape<SearchHit>
            {
                ItemsName = "matches",
                TypeInfo = SlackJson.Default.SearchHit,
                Total = total,
                Offset = offset,
                NextCursor = kept => Cursor.EncodeOffset(scope, offset + kept),
            },
            $"{total} Slack message(s) match \"{query}\"; showing {page.Count} from #{offset + 1}"
        );
    }

    [McpServerTool(Name = "send_message", ReadOnly = false, Destructive = true, Idempotent = false, OpenWorld = true)]
    [Description(
        "Post a message to a Slack channel or DM as the Mosaic app, optionally as a reply in a thread. The app must be a member of "
            + "the channel."
    )]
    public async Task<CallToolResult> SendMessage(
        [Description("Where to post: a #name or a channel/DM id.")] string channel,
        [Description("The message text (Slack markdown; at most 40,000 characters).")] string text,
        [Description("Reply in this thread (the parent message's ts) instead of the channel.")] string? thread_ts = null,
        CancellationToken cancellationToken = default
    )
    {
        if (string.IsNullOrWhiteSpace(text))
            throw new ToolInputException("text is required: the message to post.");
        if (text.Length > 40_000)
            throw new ToolInputException($"text is {text.Length} characters; Slack accepts at most 40,000.");
        var target = await directory.ResolveChannelAsync(channel, cancellationToken);
        var request = new JsonObject { ["channel"] = target.Id, ["text"] = text };
        if (!string.IsNullOrWhiteSpace(thread_ts))
            request["thread_ts"] = thread_ts.Trim();
        var body = await api.WriteAsync("chat.postMessage", request, cancellationToken);
        var ts = Str(body, "ts")!;
        var channelId = Str(body, "channel") ?? target.Id;
        var sent = new SentMessage(
            channelId,
            target.Name,
            ts,
            SlackText.Iso(ts),
            Blank(thread_ts),
            SlackText.Permalink(await directory.WorkspaceUrlAsync(cancellationToken), channelId, ts, Blank(thread_ts))
        );
        return ToolResults.Object(
            sent,
            SlackJson.Default.SentMessage,
            $"Posted to {(target.Name is { } n ? "#" + n : channelId)} at {sent.Time}"
        );
    }

    private static MessageItem Message(JsonElement m, string channelId, Func<string, string?> names, string workspace)
    {
        var ts = Str(m, "ts")!;
        var userId = Str(m, "user");
        var author = userId is null ? Str(m, "username") ?? Nested(m, "bot_profile", "name") : names(userId) ?? userId;
        var threadTs = Str(m, "thread_ts");
        return new MessageItem(
            ts,
            SlackText.Iso(ts),
            author,
            userId,
            TextClip.Clip(SlackText.Readable(Str(m, "text") ?? "", names), MaxMessageChars)!,
            threadTs,
            m.TryGetProperty("reply_count", out var rc) ? rc.GetInt32() : null,
            SlackText.Permalink(workspace, channelId, ts, threadTs)
        );
    }
}
