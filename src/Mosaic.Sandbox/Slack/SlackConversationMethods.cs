namespace Mosaic.Sandbox.Slack;

/// <summary>conversations.list / info / history / replies.</summary>
public static class SlackConversationMethods
{
    public static IResult List(SlackCall call, SlackWorkspace ws)
    {
        var types = (call.Arg("types") ?? "public_channel").Split(',', StringSplitOptions.TrimEntries);
        if (!call.TryOffset(out var offset))
            return SlackCall.Error("invalid_cursor");
        var visible = ws
            .Channels.Where(c =>
                (types.Contains("public_channel") && !c.IsIm && !c.IsPrivate)
                || (types.Contains("private_channel") && !c.IsIm && c.IsPrivate && c.Members.Contains(call.CallerId))
                || (types.Contains("im") && c.IsIm && c.Members.Contains(call.CallerId))
            )
            .ToList();
        var (page, next) = call.Paginate(visible, offset, call.IntArg("limit", 100, 1000));
        return SlackCall.Ok(
            new
            {
                ok = true,
                channels = page.Select(c => SlackJson.Channel(c, call.CallerId)),
                response_metadata = new { next_cursor = next },
            }
        );
    }

    public static IResult Info(SlackCall call, SlackWorkspace ws) =>
        Visible(call, ws, out var channel) is { } error
            ? error
            : SlackCall.Ok(new { ok = true, channel = SlackJson.Channel(channel!, call.CallerId) });

    public static IResult History(SlackCall call, SlackWorkspace ws)
    {
        if (Readable(call, ws, out var channel) is { } error)
            return error;
        if (!call.TryOffset(out var offset))
            return SlackCall.Error("invalid_cursor");
        var all = ws.MessagesIn(channel!.Id);
        var inRange = InRange(call, all.Where(m => !m.IsReply)).OrderByDescending(m => m.Seconds).ToList();
        var (page, next) = call.Paginate(inRange, offset, call.IntArg("limit", 100, 999));
        return SlackCall.Ok(
            new
            {
                ok = true,
                messages = page.Select(m => SlackJson.Message(m, all)),
                has_more = next != "",
                pin_count = 0,
                response_metadata = new { next_cursor = next },
            }
        );
    }

    public static IResult Replies(SlackCall call, SlackWorkspace ws)
    {
        if (Readable(call, ws, out var channel) is { } error)
            return error;
        if (!call.TryOffset(out var offset))
            return SlackCall.Error("invalid_cursor");
        var all = ws.MessagesIn(channel!.Id);
        var parent = all.FirstOrDefault(m => m.Ts == call.Arg("ts"));
        if (parent is null)
            return SlackCall.Error("thread_not_found");
        var thread = all.Where(m => m.Ts == parent.Ts || (parent.ThreadTs == parent.Ts && m.ThreadTs == parent.Ts)).ToList();
        var inRange = thread.Take(1).Concat(InRange(call, thread.Skip(1))).OrderBy(m => m.Seconds).ToList();
        var (page, next) = call.Paginate(inRange, offset, call.IntArg("limit", 1000, 1000));
        return SlackCall.Ok(
            new
            {
                ok = true,
                messages = page.Select(m => SlackJson.Message(m, all)),
                has_more = next != "",
                response_metadata = new { next_cursor = next },
            }
        );
    }

    /// <summary>A private channel or DM the caller is not in does not exist for them.</summary>
    internal static IResult? Visible(SlackCall call, SlackWorkspace ws, out SlackChannel? channel)
    {
        channel = call.Arg("channel") is { } id ? ws.FindChannel(id) : null;
        if (channel is null || (channel.IsPrivate && !channel.Members.Contains(call.CallerId)))
            return SlackCall.Error("channel_not_found");
        return null;
    }

    /// <summary>Bots read only channels they were invited to; people can read any public channel.</summary>
    internal static IResult? Readable(SlackCall call, SlackWorkspace ws, out SlackChannel? channel)
    {
        if (Visible(call, ws, out channel) is { } error)
            return error;
        return call.CallerId == SlackSeed.BotUserId && !channel!.Members.Contains(call.CallerId) ? SlackCall.Error("not_in_channel") : null;
    }

    private static IEnumerable<SlackMessage> InRange(SlackCall call, IEnumerable<SlackMessage> messages)
    {
        var oldest = SlackJson.Seconds(call.Arg("oldest")) ?? 0;
        var latest = SlackJson.Seconds(call.Arg("latest")) ?? double.MaxValue;
        var inclusive = call.Arg("inclusive") is "true" or "1";
        return messages.Where(m => inclusive ? m.Seconds >= oldest && m.Seconds <= latest : m.Seconds > oldest && m.Seconds < latest);
    }
}
