using System.Text.Json;
using Mosaic.Connectors.Common.Errors;

namespace Mosaic.Connectors.Slack;

/// <summary>Slack answers most failures with HTTP 200 and {"ok":false,"error":"code"}; this says what each code means for the
/// user.</summary>
public static class SlackErrors
{
    public static UpstreamException From(JsonElement body)
    {
        var code = body.TryGetProperty("error", out var e) ? e.GetString() ?? "unknown_error" : "unknown_error";
        var needed = body.TryGetProperty("needed", out var n) ? n.GetString() : null;
        return new UpstreamException("Slack", null, code, $"{code}: {Explain(code, needed)}");
    }

    public static string Explain(string code, string? neededScope = null) =>
        code switch
        {
            "not_authed" => "no token was sent; set the bot token of the Slack data source",
            "invalid_auth" or "token_revoked" or "token_expired" or "account_inactive" =>
                "the Slack token was rejected (revoked, expired or mistyped); update it in the Slack data source settings",
            "not_in_channel" =>
                "the Mosaic app is not a member of that channel; invite it there (/invite @app-name) or pick a channel it belongs to",
            "channel_not_found" => "no such channel is visible to these credentials; check the name or id, or call list_channels",
            "not_allowed_token_type" =>
                "this needs a Slack user token (xoxp-...), but a bot token was used; add a user token to the Slack data source",
            "missing_scope" => $"the token lacks the scope {neededScope ?? "this method needs"}; add it to the Slack app and reinstall it",
            "user_not_found" => "no such user in this workspace; call list_users to see who is there",
            "thread_not_found" => "no message with that thread_ts in this channel; take thread_ts from read_messages",
            "message_not_found" => "no message with that ts in this channel",
            "no_text" => "the message text is empty",
            "msg_too_long" => "the message is too long for Slack (max 40,000 characters)",
            "is_archived" => "the channel is archived; it can be read but not posted to",
            "restricted_action" or "cant_post" => "the workspace does not allow this app to post there",
            "ratelimited" => "Slack is rate-limiting requests; wait a minute and try again",
            "invalid_cursor" => "the paging cursor is no longer valid; start again without a cursor",
            _ => "see https://api.slack.com/methods for what this code means",
        };
}
