using System.Text.Json.Nodes;
using Mosaic.Sandbox.Infrastructure;

namespace Mosaic.Sandbox.Slack;

/// <summary>chat.postMessage (a recorded write) and chat.getPermalink.</summary>
public static class SlackChatMethods
{
    public static IResult PostMessage(SlackCall call, SlackWorkspace ws, SandboxState state)
    {
        if (call.Arg("channel") is null)
            return SlackCall.Error("channel_not_found");
        if (SlackConversationMethods.Visible(call, ws, out var channel) is { } error)
            return error;
        if (!channel!.Members.Contains(call.CallerId))
            return SlackCall.Error("not_in_channel");
        if (call.Arg("text") is not { } text)
            return SlackCall.Error("no_text");
        var threadTs = call.Arg("thread_ts");
        if (threadTs is not null && ws.MessagesIn(channel.Id).All(m => m.Ts != threadTs))
            return SlackCall.Error("thread_not_found");

        // Record what arrived (never the token) so tests can prove exactly which writes happened.
        var body = new JsonObject();
        foreach (var (k, v) in call.Args.Where(a => a.Key != "token"))
            body[k] = v;
        state.Record("slack", call.Request, body);

        var message = ws.Post(channel.Id, call.CallerId, text, threadTs);
        return SlackCall.Ok(
            new
            {
                ok = true,
                channel = channel.Id,
                ts = message.Ts,
                message = SlackJson.Message(message, ws.MessagesIn(channel.Id)),
            }
        );
    }

    public static IResult GetPermalink(SlackCall call, SlackWorkspace ws)
    {
        if (SlackConversationMethods.Visible(call, ws, out var channel) is { } error)
            return error;
        var message = ws.MessagesIn(channel!.Id).FirstOrDefault(m => m.Ts == call.Arg("message_ts"));
        return message is null
            ? SlackCall.Error("message_not_found")
            : SlackCall.Ok(
                new
                {
                    ok = true,
                    channel = channel.Id,
                    permalink = SlackWorkspace.Permalink(message, call.Request),
                }
            );
    }
}
