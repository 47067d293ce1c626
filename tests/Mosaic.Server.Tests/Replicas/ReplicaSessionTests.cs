using System.Net;
using System.Net.Http.Json;

namespace Mosaic.Server.Tests.Replicas;

/// <summary>A session started on one replica works on the other, and a logout on one holds on both.</summary>
public sealed class ReplicaSessionTests
{
    [Fact]
    public async Task A_session_from_replica_A_works_on_B_and_a_logout_on_A_ends_it_on_B()
    {
        await using var replicas = await ReplicaPair.StartAsync();
        var user = await replicas.A.SignUpAndLogInAsync();
        var onB = ReplicaPair.SameBrowserOn(replicas.B, user.Browser);

        var me = await ProblemAssert.JsonAsync(await onB.GetAsync("/api/auth/me"));
        Assert.Equal(user.Email, me.GetProperty("email").GetString());
        // A state-changing request on B passes the CSRF check with the token A issued (shared key ring).
        var save = await onB.PostAsJsonAsync("/api/credentials", new { datasource = "github", credentials = new { token = "ghp_from_b" } });
        Assert.Equal(HttpStatusCode.OK, save.StatusCode);

        // Keep the token as an attacker who copied the cookie would, then log out on A.
        var token = user.Browser.Cookie("access_token");
        Assert.Equal(HttpStatusCode.OK, (await user.Http.PostAsync("/api/auth/logout", null)).StatusCode);

        var replayOnB = replicas.B.CreateClient();
        replayOnB.DefaultRequestHeaders.Add("Cookie", $"access_token={token}");
        await ProblemAssert.IsProblemAsync(await replayOnB.GetAsync("/api/auth/me"), HttpStatusCode.Unauthorized);
        var replayOnA = replicas.A.CreateClient();
        replayOnA.DefaultRequestHeaders.Add("Cookie", $"access_token={token}");
        await ProblemAssert.IsProblemAsync(await replayOnA.GetAsync("/api/auth/me"), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_logout_on_B_ends_a_session_that_A_has_been_serving()
    {
        await using var replicas = await ReplicaPair.StartAsync();
        var user = await replicas.A.SignUpAndLogInAsync();
        var token = user.Browser.Cookie("access_token");
        // A has seen and accepted this token several times before the logout happens elsewhere.
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.OK, (await user.Http.GetAsync("/api/auth/me")).StatusCode);

        var onB = ReplicaPair.SameBrowserOn(replicas.B, user.Browser);
        Assert.Equal(HttpStatusCode.OK, (await onB.PostAsync("/api/auth/logout", null)).StatusCode);

        var replayOnA = replicas.A.CreateClient();
        replayOnA.DefaultRequestHeaders.Add("Cookie", $"access_token={token}");
        await ProblemAssert.IsProblemAsync(await replayOnA.GetAsync("/api/auth/me"), HttpStatusCode.Unauthorized);
    }
}
