using Mosaic.Sandbox.Acme;
using Mosaic.Sandbox.Infrastructure;

namespace Mosaic.Sandbox.Slack;

/// <summary>The live Slack data: the seed plus messages posted since, restored by <c>POST /_sandbox/reset</c>.</summary>
public sealed class SlackWorkspace
{
    private readonly Lock _gate = new();
    private List<SlackMessage> _messages = [];
    private long _postedCount;
    private readonly TimeProvider _time;

    public SlackWorkspace(SandboxState state)
    {
        _time = state.Time;
        Load();
        state.OnReset(Load);
    }

    public IReadOnlyList<SlackUser> Users { get; } = SlackSeed.Users();
    public IReadOnlyList<SlackChannel> Channels { get; } = SlackSeed.Channels();

    /// <summary>The user a token acts as: the bot user, or Alice for the user token (or one of their member tokens).</summary>
    public static string? UserForToken(string? token) =>
        SandboxTokens.Matches(token, SandboxTokens.SlackBot, out _) ? SlackSeed.BotUserId
        : SandboxTokens.Matches(token, SandboxTokens.SlackUser, out _) ? AcmeCompany.Alice.SlackId
        : null;

    /// <summary>The member a fixed token's member variant names (0 for anything else): auth.test names it.</summary>
    public static int MemberOf(string token) =>
        SandboxTokens.Matches(token, SandboxTokens.SlackBot, out var member)
        || SandboxTokens.Matches(token, SandboxTokens.SlackUser, out member)
            ? member
            : 0;

    public SlackChannel? FindChannel(string idOrName)
    {
        var name = idOrName.TrimStart('#');
        return Channels.FirstOrDefault(c => c.Id == idOrName) ?? Channels.FirstOrDefault(c => !c.IsIm && c.Name == name);
    }

    /// <summary>The Sandbox clock's time (posts, cache_ts).</summary>
    public DateTimeOffset Now => _time.GetUtcNow();

    public SlackUser? FindUser(string id) => Users.FirstOrDefault(u => u.Id == id);

    public IReadOnlyList<SlackMessage> MessagesIn(string channelId)
    {
        lock (_gate)
            return [.. _messages.Where(m => m.ChannelId == channelId)];
    }

    public IReadOnlyList<SlackMessage> AllMessages()
    {
        lock (_gate)
            return [.. _messages];
    }

    /// <summary>The message a permalink's path names: channel id and "p" + the ts without its dot; null when none.</summary>
    public SlackMessage? FindByPermalink(string channelId, string p)
    {
        if (p.Length < 8 || p[0] != 'p' || !p[1..].All(char.IsAsciiDigit))
            return null;
        var ts = $"{p[1..^6]}.{p[^6..]}";
        return MessagesIn(channelId).FirstOrDefault(m => m.Ts == ts);
    }

    public SlackMessage Post(string channelId, string user, string text, string? threadTs)
    {
        lock (_gate)
        {
            var now = Now;
            var ts = $"{now.ToUnixTimeSeconds()}.{(++_postedCount % 1_000_000):D6}";
            var message = new SlackMessage(channelId, ts, user, text, threadTs);
            _messages.Add(message);
            return message;
        }
    }

    /// <summary>
    /// The workspace's address ("https://acme.slack.com/" for real; here the Sandbox's own, so permalinks open its pages):
    /// auth.test's <c>url</c>, which clients build permalinks on.
    /// </summary>
    public static string WorkspaceUrl(HttpRequest request) => $"{SandboxPages.BaseUrl(request)}/slack/";

    public static string Permalink(SlackMessage m, HttpRequest request) =>
        $"{WorkspaceUrl(request)}archives/{m.ChannelId}/p{m.Ts.Replace(".", "")}"
        + (m.IsReply ? $"?thread_ts={m.ThreadTs}&cid={m.ChannelId}" : "");

    private void Load()
    {
        lock (_gate)
            _messages = [.. SlackSeed.Messages()];
    }
}
