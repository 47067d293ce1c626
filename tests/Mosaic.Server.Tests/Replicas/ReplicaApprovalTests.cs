using System.Net;
using System.Net.Http.Json;
using Mosaic.Server.Chat;

namespace Mosaic.Server.Tests.Replicas;

/// <summary>
/// A write waits for approval on the replica holding the stream (A); the person's answer may arrive at any
/// replica behind the load balancer (B), and reaches A through Redis. Only the owner can answer, only once.
/// </summary>
public sealed class ReplicaApprovalTests
{
    [Fact]
    public async Task An_answer_sent_to_B_completes_the_approval_waiting_on_A()
    {
        await using var replicas = await ReplicaPair.StartAsync();
        var alice = await replicas.A.SignUpAndLogInAsync();
        (await alice.Http.GetAsync("/api/auth/me")).EnsureSuccessStatusCode(); // hands out the XSRF token
        var aliceOnB = ReplicaPair.SameBrowserOn(replicas.B, alice.Browser);
        var mallory = await replicas.B.SignUpAndLogInAsync();
        (await mallory.Http.GetAsync("/api/auth/me")).EnsureSuccessStatusCode();

        var brokerOnA = replicas.A.Services.GetRequiredService<ApprovalBroker>();
        var (id, _) = brokerOnA.Open(alice.Id, "send_message");
        var waiting = brokerOnA.WaitAsync(id, CancellationToken.None);
        await ReplicaPair.EventuallyAsync(() => KeyExists(replicas, id), "replica A to register the approval in Redis");

        // Someone else's answer, through B, is refused and changes nothing.
        await ProblemAssert.IsProblemAsync(
            await mallory.Http.PostAsJsonAsync($"/api/chat/approvals/{id}", new { approved = true }),
            HttpStatusCode.NotFound
        );
        Assert.False(waiting.IsCompleted);

        var answer = await aliceOnB.PostAsJsonAsync($"/api/chat/approvals/{id}", new { approved = true });
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal(ApprovalOutcome.Approved, await waiting.WaitAsync(TimeSpan.FromSeconds(10)));

        // Answered once: a second answer, on either replica, finds nothing.
        await ProblemAssert.IsProblemAsync(
            await aliceOnB.PostAsJsonAsync($"/api/chat/approvals/{id}", new { approved = false }),
            HttpStatusCode.NotFound
        );
        await ProblemAssert.IsProblemAsync(
            await alice.Http.PostAsJsonAsync($"/api/chat/approvals/{id}", new { approved = false }),
            HttpStatusCode.NotFound
        );
    }

    [Fact]
    public async Task A_refusal_sent_to_B_means_the_call_does_not_run()
    {
        await using var replicas = await ReplicaPair.StartAsync();
        var alice = await replicas.A.SignUpAndLogInAsync();
        (await alice.Http.GetAsync("/api/auth/me")).EnsureSuccessStatusCode();
        var brokerOnA = replicas.A.Services.GetRequiredService<ApprovalBroker>();
        var (id, _) = brokerOnA.Open(alice.Id, "create_issue");
        var waiting = brokerOnA.WaitAsync(id, CancellationToken.None);
        await ReplicaPair.EventuallyAsync(() => KeyExists(replicas, id), "replica A to register the approval in Redis");

        var answer = await ReplicaPair
            .SameBrowserOn(replicas.B, alice.Browser)
            .PostAsJsonAsync($"/api/chat/approvals/{id}", new { approved = false });
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal(ApprovalOutcome.Refused, await waiting.WaitAsync(TimeSpan.FromSeconds(10)));
        await ReplicaPair.EventuallyAsync(() => !KeyExists(replicas, id), "the approval to leave Redis once answered");
    }

    private static bool KeyExists(ReplicaPair replicas, string id)
    {
        using var redis = ReplicaPair.ConnectRedisAsync().GetAwaiter().GetResult();
        return redis.GetDatabase().KeyExists(replicas.KeyPrefix + "approval:" + id);
    }
}
