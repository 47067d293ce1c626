using System.ComponentModel;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Mosaic.Connectors.Common.Results;
using static Mosaic.Connectors.Slack.SlackClient;

namespace Mosaic.Connectors.Slack.Tools;

public sealed partial class SlackTools
{
    [McpServerTool(Name = WhatsNew.ToolName, ReadOnly = true, Idempotent = true, OpenWorld = true)]
    [Description(
        "What is new in Slack since a time: direct messages from others (a person's need an answer), "
            + "messages mentioning the user, and channels the app is in with several new messages."
    )]
    public async Task<CallToolResult> WhatsNewAsync(
        [Description(WhatsNewWindow.SinceHelp)] string since,
        [Description(WhatsNewWindow.LimitHelp)] int? limit = null,
        [Description(WhatsNewWindow.MeHelp)] string? me = null,
        [Description(WhatsNewWindow.NowHelp)] string? now = null,
        CancellationToken cancellationToken = default
    )
    {
        var window = WhatsNewWindow.From(since, limit, me, now);
        var direct = DirectMessagesAsync(window, cancellationToken);
        var list = await api.ReadAsync(
            "conversations.list",
            [Arg("types", "public_channel,private_channel"), Arg("exclude_archived", "true"), Arg("limit", "100")],
            cancellationToken
        );
        var channels = list.GetProperty("channels")
            .EnumerateArray()
            .Where(c => Bool(c, "is_member"))
            .Take(10)
            .Select(c => (Id: Str(c, "id")!, Name: Str(c, "name") ?? ""))
            .ToList();
        var reads = await Task.WhenAll(
            channels.Select(async c => (c.Name, Messages: await MessagesSinceAsync(c.Id, window, 100, cancellationToken)))
        );
        var items = new List<WhatsNewItem>();
        foreach (var (name, messages) in reads)
        {
            foreach (var m in messages.Where(m => window.MentionsMe(m.Text)))
                items.Add(
                    new(
                        $"slack-{m.Ts}",
                        "mention",
                        $"{m.User} mentioned you in #{name}",
                        WhatsNew.Clip(m.Text),
                        m.Permalink,
                        m.User,
                        m.Time,
                        true,
                        "high"
                    )
                );
            if (messages.Count >= 3)
                items.Add(
                    new(
                        $"slack-busy-{name}",
                        "busy_channel",
                        $"#{name}: {messages.Count} new messages",
                        $"Latest from {messages[0].User}: {WhatsNew.Clip(messages[0].Text, 160)}",
                        messages[0].Permalink,
                        null,
                        messages[0].Time,
                        false,
                        "medium"
                    )
                );
        }
        items.InsertRange(0, await direct);
        return WhatsNew.Result(items, window, "Slack");
    }

    /// <summary>
    /// One item per DM conversation where someone else wrote since the window began (the user's own replies do not
    /// count). A person's DM needs an answer; an app's (bots: reminders, notifications) is listed but not actionable.
    /// </summary>
    private async Task<List<WhatsNewItem>> DirectMessagesAsync(WhatsNewWindow window, CancellationToken ct)
    {
        var body = await api.ReadAsync("conversations.list", [Arg("types", "im"), Arg("limit", "50")], ct);
        var ims = await Task.WhenAll(
            body.GetProperty("channels")
                .EnumerateArray()
                .Select(async im => (Id: Str(im, "id")!, UserId: Str(im, "user"), Latest: await LatestMessageAsync(Str(im, "id")!, ct)))
        );
        var recent = ims.Where(im => im.Latest is { } m && WhatsNewWindow.Parse(SlackText.Iso(Str(m, "ts")!)) >= window.Since).ToList();
        if (recent.Count == 0)
            return [];
        var users = await api.ReadAsync("users.list", [Arg("limit", "200")], ct);
        var bots = users
            .GetProperty("members")
            .EnumerateArray()
            .Where(u => Bool(u, "is_bot"))
            .Select(u => Str(u, "id"))
            .OfType<string>()
            .ToHashSet();
        var names = await directory.UserNamesAsync(ct);
        var reads = await Task.WhenAll(
            recent.Select(async dm =>
                (dm, Messages: (await MessagesSinceAsync(dm.Id, window, 50, ct)).Where(m => !window.IsMe(m.User)).ToList())
            )
        );
        var items = new List<WhatsNewItem>();
        foreach (var (dm, messages) in reads)
        {
            if (messages.Count == 0)
                continue;
            var who = (dm.UserId is null ? null : names(dm.UserId)) ?? messages[0].User ?? "Someone";
            var person = !bots.Contains(dm.UserId ?? "");
            var title = messages.Count == 1 ? $"{who} sent you a direct message" : $"{who} sent you {messages.Count} direct messages";
            items.Add(
                new(
                    $"slack-dm-{dm.Id}",
                    person ? "direct_message" : "app_message",
                    title,
                    WhatsNew.Clip(messages[0].Text),
                    messages[0].Permalink,
                    who,
                    messages[0].Time,
                    person,
                    person ? "high" : "low"
                )
            );
        }
        return items;
    }

    /// <summary>A conversation's messages since the window began, newest first, as read_messages shows them.</summary>
    private async Task<List<MessageItem>> MessagesSinceAsync(string channelId, WhatsNewWindow window, int limit, CancellationToken ct)
    {
        var body = await api.ReadAsync(
            "conversations.history",
            [Arg("channel", channelId), Arg("oldest", SlackText.ToTs(window.SinceIso, "since")), Arg("limit", limit.ToString())],
            ct
        );
        var names = await directory.UserNamesAsync(ct);
        var workspace = await directory.WorkspaceUrlAsync(ct);
        return body.GetProperty("messages").EnumerateArray().Take(limit).Select(m => Message(m, channelId, names, workspace)).ToList();
    }
}
