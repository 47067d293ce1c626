using System.Globalization;

namespace Mosaic.Sandbox.Slack;

/// <summary>Slack's JSON shapes for channels, users and messages (snake_case, as the Web API sends them).</summary>
public static class SlackJson
{
    public static object Channel(SlackChannel c, string callerId) =>
        c.IsIm
            ? new
            {
                id = c.Id,
                created = c.Created.ToUnixTimeSeconds(),
                is_im = true,
                is_org_shared = false,
                user = c.Members.First(m => m != callerId),
                is_user_deleted = false,
                priority = 0,
            }
            : new
            {
                id = c.Id,
                name = c.Name,
                is_channel = !c.IsPrivate,
                is_group = false,
                is_im = false,
                is_mpim = false,
                is_private = c.IsPrivate,
                created = c.Created.ToUnixTimeSeconds(),
                is_archived = false,
                is_general = c.IsGeneral,
                name_normalized = c.Name,
                is_shared = false,
                is_member = c.Members.Contains(callerId),
                topic = new
                {
                    value = c.Topic,
                    creator = "",
                    last_set = 0,
                },
                purpose = new
                {
                    value = c.Purpose,
                    creator = "",
                    last_set = 0,
                },
                num_members = c.Members.Count,
            };

    public static object User(SlackUser u) =>
        new
        {
            id = u.Id,
            team_id = Acme.AcmeCompany.SlackTeamId,
            name = u.Handle,
            deleted = u.Deleted,
            real_name = u.RealName,
            tz = "America/Los_Angeles",
            is_admin = u.Handle == "alice",
            is_bot = u.IsBot,
            profile = new
            {
                real_name = u.RealName,
                display_name = u.Handle,
                title = u.Title,
                email = u.IsBot ? null : u.Email,
                image_72 = $"https://avatars.acme.test/{u.Handle}_72.png",
            },
        };

    public static object Message(SlackMessage m, IReadOnlyList<SlackMessage> channelMessages)
    {
        var replies = m.ThreadTs == m.Ts ? channelMessages.Where(r => r.ThreadTs == m.Ts && r.IsReply).ToList() : [];
        return new
        {
            type = "message",
            user = m.User,
            text = m.Text,
            ts = m.Ts,
            team = Acme.AcmeCompany.SlackTeamId,
            bot_id = m.User == SlackSeed.BotUserId ? "B0MOSAIC01" : null,
            thread_ts = m.ThreadTs,
            parent_user_id = m.IsReply ? channelMessages.FirstOrDefault(p => p.Ts == m.ThreadTs)?.User : null,
            reply_count = replies.Count > 0 ? replies.Count : (int?)null,
            reply_users = replies.Count > 0 ? replies.Select(r => r.User).Distinct().ToArray() : null,
            latest_reply = replies.Count > 0 ? replies.Max(r => r.Ts) : null,
        };
    }

    public static double? Seconds(string? ts) =>
        double.TryParse(ts, NumberStyles.Float, CultureInfo.InvariantCulture, out var s) ? s : null;
}
