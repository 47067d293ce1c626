using Mosaic.Sandbox.Infrastructure;

namespace Mosaic.Sandbox.Slack;

/// <summary>users.list / users.info / auth.test.</summary>
public static class SlackUserMethods
{
    public static IResult List(SlackCall call, SlackWorkspace ws)
    {
        if (!call.TryOffset(out var offset))
            return SlackCall.Error("invalid_cursor");
        var (page, next) = call.Paginate(ws.Users, offset, call.IntArg("limit", 100, 1000));
        return SlackCall.Ok(
            new
            {
                ok = true,
                members = page.Select(SlackJson.User),
                cache_ts = ws.Now.ToUnixTimeSeconds(),
                response_metadata = new { next_cursor = next },
            }
        );
    }

    public static IResult Info(SlackCall call, SlackWorkspace ws) =>
        call.Arg("user") is { } id && ws.FindUser(id) is { } user
            ? SlackCall.Ok(new { ok = true, user = SlackJson.User(user) })
            : SlackCall.Error("user_not_found");

    public static IResult AuthTest(SlackCall call, SlackWorkspace ws)
    {
        var me = ws.FindUser(call.CallerId)!;
        return SlackCall.Ok(
            new
            {
                ok = true,
                url = SlackWorkspace.WorkspaceUrl(call.Request),
                team = "Acme" + SandboxTokens.MemberSuffix(SlackWorkspace.MemberOf(call.Token)),
                user = me.Handle,
                team_id = Acme.AcmeCompany.SlackTeamId,
                user_id = me.Id,
                bot_id = me.IsBot ? "B0MOSAIC01" : null,
                is_enterprise_install = false,
            }
        );
    }
}
