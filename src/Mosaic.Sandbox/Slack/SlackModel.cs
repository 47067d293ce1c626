namespace Mosaic.Sandbox.Slack;

/// <summary>A workspace member as users.list describes it.</summary>
public sealed record SlackUser(
    string Id,
    string Handle,
    string RealName,
    string Email,
    string Title,
    bool IsBot = false,
    bool Deleted = false
);

/// <summary>A channel, private channel or DM. For a DM, <see cref="Members"/> holds its two people.</summary>
public sealed record SlackChannel(
    string Id,
    string Name,
    bool IsPrivate,
    string Topic,
    string Purpose,
    DateTimeOffset Created,
    IReadOnlyList<string> Members,
    bool IsIm = false,
    bool IsGeneral = false
);

/// <summary>One message. Replies carry their parent's ts in <see cref="ThreadTs"/>.</summary>
public sealed record SlackMessage(string ChannelId, string Ts, string User, string Text, string? ThreadTs = null)
{
    public bool IsReply => ThreadTs is not null && ThreadTs != Ts;
    public double Seconds => double.Parse(Ts, System.Globalization.CultureInfo.InvariantCulture);
}
