using Mosaic.Sandbox.Infrastructure;
using Mosaic.Sandbox.OAuth;

namespace Mosaic.Sandbox.Slack;

/// <summary>
/// The Slack Web API at /slack/api/{method}: GET or POST (form or JSON), token as a Bearer header or a
/// <c>token</c> argument: the fixed tokens of SandboxTokens or tokens the Slack OAuth server issued (<see cref="SlackOAuth"/>).
/// Failures are HTTP 200 with ok=false like Slack's; throttling is HTTP 429 with Retry-After.
/// </summary>
public static class SlackSimulator
{
    private delegate IResult Method(SlackCall call, SlackWorkspace ws, SandboxState state);

    private static readonly Dictionary<string, Method> Methods = new()
    {
        ["auth.test"] = (c, ws, _) => SlackUserMethods.AuthTest(c, ws),
        ["conversations.list"] = (c, ws, _) => SlackConversationMethods.List(c, ws),
        ["conversations.info"] = (c, ws, _) => SlackConversationMethods.Info(c, ws),
        ["conversations.history"] = (c, ws, _) => SlackConversationMethods.History(c, ws),
        ["conversations.replies"] = (c, ws, _) => SlackConversationMethods.Replies(c, ws),
        ["users.list"] = (c, ws, _) => SlackUserMethods.List(c, ws),
        ["users.info"] = (c, ws, _) => SlackUserMethods.Info(c, ws),
        ["search.messages"] = (c, ws, _) => SlackSearchMethods.Messages(c, ws),
        ["chat.postMessage"] = SlackChatMethods.PostMessage,
        ["chat.getPermalink"] = (c, ws, _) => SlackChatMethods.GetPermalink(c, ws),
    };

    public static IEndpointRouteBuilder MapSlackSimulator(this IEndpointRouteBuilder app)
    {
        var ws = new SlackWorkspace(app.ServiceProvider.GetRequiredService<SandboxState>());
        var oauth = app.ServiceProvider.GetRequiredService<SandboxOAuth>().Slack;
        new SlackOAuth(oauth).Map(app); // authorize page, oauth.v2.access, auth.revoke
        app.MapSlackPages(ws); // what permalinks open
        app.MapMethods(
            "/slack/api/{method}",
            ["GET", "POST"],
            async (string method, HttpContext http, SandboxState state, CancellationToken ct) =>
            {
                var args = await SlackCall.ReadArgsAsync(http.Request, ct);
                var header = http.Request.Headers.Authorization.ToString();
                var token = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? header[7..].Trim()
                    : args.GetValueOrDefault("token");
                if (string.IsNullOrEmpty(token))
                    return SlackCall.Error("not_authed");
                var (caller, refused) = SlackOAuth.Resolve(token, oauth);
                if (caller is null)
                    return SlackCall.Error(refused ?? "invalid_auth");
                if (state.TakeThrottle("slack"))
                {
                    http.Response.Headers.RetryAfter = "1";
                    return Results.Json(new { ok = false, error = "ratelimited" }, statusCode: StatusCodes.Status429TooManyRequests);
                }
                return Methods.TryGetValue(method, out var handler)
                    ? handler(new SlackCall(method, args, caller, token, http.Request), ws, state)
                    : Results.Json(
                        new
                        {
                            ok = false,
                            error = "unknown_method",
                            req_method = method,
                        },
                        statusCode: StatusCodes.Status404NotFound
                    );
            }
        );
        return app;
    }
}
