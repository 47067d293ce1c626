using System.Globalization;

namespace Mosaic.Sandbox.Slack;

/// <summary>
/// search.messages: user tokens only (bot tokens get not_allowed_token_type, as in Slack). Supports plain
/// words (all must match), in:#channel, from:@handle or from:&lt;@U…&gt;, after:/before:YYYY-MM-DD; newest first.
/// </summary>
public static class SlackSearchMethods
{
    public static IResult Messages(SlackCall call, SlackWorkspace ws)
    {
        if (call.CallerId == SlackSeed.BotUserId)
            return SlackCall.Error("not_allowed_token_type");
        if (call.Arg("query") is not { } query)
            return SlackCall.Error("no_query");
        var count = call.IntArg("count", 20, 100);
        var page = call.IntArg("page", 1, 100);

        IEnumerable<SlackMessage> hits = ws.AllMessages()
            .Where(m => ws.FindChannel(m.ChannelId) is { } c && (!c.IsPrivate || c.Members.Contains(call.CallerId)));
        foreach (var term in query.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            hits = Apply(term, hits, ws);
        var all = hits.OrderByDescending(m => m.Seconds).ToList();
        var pages = Math.Max(1, (all.Count + count - 1) / count);
        var matches = all.Skip((page - 1) * count).Take(count).Select(m => Match(m, ws, call));

        return SlackCall.Ok(
            new
            {
                ok = true,
                query,
                messages = new
                {
                    total = all.Count,
                    pagination = new
                    {
                        total_count = all.Count,
                        page,
                        per_page = count,
                        page_count = pages,
                        first = (page - 1) * count + 1,
                        last = Math.Min(page * count, all.Count),
                    },
                    paging = new
                    {
                        count,
                        total = all.Count,
                        page,
                        pages,
                    },
                    matches,
                },
            }
        );
    }

    private static IEnumerable<SlackMessage> Apply(string term, IEnumerable<SlackMessage> hits, SlackWorkspace ws)
    {
        var (key, value) = term.IndexOf(':') is var i and > 0 ? (term[..i], term[(i + 1)..]) : ("", term);
        switch (key)
        {
            case "in":
                var channel = ws.FindChannel(value.TrimStart('#'));
                return hits.Where(m => m.ChannelId == channel?.Id);
            case "from":
                var handle = value.TrimStart('@').Trim('<', '>').TrimStart('@');
                return hits.Where(m => ws.FindUser(m.User) is { } u && (u.Handle == handle || u.Id == handle));
            case "after"
            or "before" when DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var day):
                var edge = day.ToUnixTimeSeconds();
                return key == "after" ? hits.Where(m => m.Seconds >= edge + 86400) : hits.Where(m => m.Seconds < edge);
            default:
                return hits.Where(m => m.Text.Contains(term, StringComparison.OrdinalIgnoreCase));
        }
    }

    private static object Match(SlackMessage m, SlackWorkspace ws, SlackCall call)
    {
        var c = ws.FindChannel(m.ChannelId)!;
        return new
        {
            iid = $"{m.ChannelId}-{m.Ts}",
            team = Acme.AcmeCompany.SlackTeamId,
            type = "message",
            user = m.User,
            username = ws.FindUser(m.User)?.Handle,
            ts = m.Ts,
            text = m.Text,
            permalink = SlackWorkspace.Permalink(m, call.Request),
            channel = new
            {
                id = c.Id,
                name = c.IsIm ? c.Members.First(u => u != call.CallerId) : c.Name,
                is_channel = !c.IsPrivate,
                is_private = c.IsPrivate,
                is_im = c.IsIm,
                is_mpim = false,
            },
        };
    }
}
