using Mosaic.Sandbox.Infrastructure;

namespace Mosaic.Sandbox.Slack;

/// <summary>The workspace page and one page per message permalink (<c>/slack/archives/{channel}/p{ts}</c>).</summary>
public static class SlackPages
{
    public static void MapSlackPages(this IEndpointRouteBuilder app, SlackWorkspace ws)
    {
        app.MapGet("/slack/", () => SandboxPages.Page("Acme on Slack", "The Mosaic Sandbox's simulated Slack workspace."));
        app.MapGet("/slack/archives/{channelId}/{p}", (string channelId, string p) =>
            ws.FindChannel(channelId) is { } channel && ws.FindByPermalink(channel.Id, p) is { } message
                ? SandboxPages.Page(
                    $"{(channel.IsIm ? "Direct message" : $"#{channel.Name}")} · {ws.FindUser(message.User)?.RealName ?? message.User}",
                    message.Text
                )
                : Results.NotFound()
        );
    }
}
