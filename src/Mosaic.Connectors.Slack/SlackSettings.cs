using Mosaic.Connectors.Common.Configuration;

namespace Mosaic.Connectors.Slack;

/// <summary>The Slack connector's settings (the credential fields bot_token*, user_token, api_url: docs/architecture.md#sources).</summary>
public sealed record SlackSettings
{
    public required string BotToken { get; init; }

    /// <summary>Optional xoxp- token: reads then see what the person sees, and search.messages works (bots cannot search).</summary>
    public string? UserToken { get; init; }

    /// <summary>Base of the Web API, always ending in "/" so method names resolve under it.</summary>
    public required Uri ApiUrl { get; init; }

    public static SlackSettings FromEnv(EnvConfig env)
    {
        var url = env.Url("SLACK_API_URL") ?? new Uri("https://slack.com/api/");
        return new SlackSettings
        {
            BotToken = env.Required("SLACK_BOT_TOKEN"),
            UserToken = env.Optional("SLACK_USER_TOKEN"),
            ApiUrl = url.AbsoluteUri.EndsWith('/') ? url : new Uri(url.AbsoluteUri + "/"),
        };
    }
}
