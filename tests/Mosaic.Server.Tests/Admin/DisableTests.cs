using System.Net;
using Mosaic.Server.Chat;
using Mosaic.Server.Connectors.Hub;
using Mosaic.Server.Tests.Chat.Support;
using Mosaic.Server.Tests.Fakes;
using Mosaic.Server.Tests.Replicas;

namespace Mosaic.Server.Tests.Admin;

/// <summary>Disabling a user on replica A ends their access on B at once: cookie, connector processes, pending approvals.</summary>
public sealed class DisableAcrossReplicasTests
{
    [Fact]
    public async Task Disabling_on_A_refuses_the_cookie_on_B_at_once_closes_B_sessions_and_refuses_B_approvals()
    {
        var connectors = EverythingSource.ConnectorsFile();
        await using var replicas = await ReplicaPair.StartAsync(f => f.Settings["MOSAIC_CONNECTORS_FILE"] = connectors);
        var admin = await replicas.A.SignInAsync();
        var alice = await replicas.A.SignInAsync();
        var aliceOnB = ReplicaPair.SameBrowserOn(replicas.B, alice.Browser);
        await alice.SaveTokenAsync();

        var hubOnB = replicas.B.Services.GetRequiredService<McpHub>();
        await hubOnB.CallToolAsync(alice.Id, "everything", "get-env", null, CancellationToken.None);
        var process = hubOnB.GetStatus().Sessions.Single(s => s.UserId == alice.Id).ProcessId!.Value;
        var brokerOnB = replicas.B.Services.GetRequiredService<ApprovalBroker>();
        var (approval, _) = brokerOnB.Open(alice.Id, "send_message");
        var waiting = brokerOnB.WaitAsync(approval, CancellationToken.None);
        Assert.Equal(HttpStatusCode.OK, (await aliceOnB.GetAsync("/api/auth/me")).StatusCode);

        await ProblemAssert.JsonAsync(await admin.Http.PatchJsonAsync($"/api/admin/users/{alice.Id}", new { disabled = true }));

        // No waiting: B reads the account from the shared database on this very request.
        await ProblemAssert.IsProblemAsync(await aliceOnB.GetAsync("/api/auth/me"), HttpStatusCode.Unauthorized);
        await ProblemAssert.IsProblemAsync(await alice.Http.GetAsync("/api/auth/me"), HttpStatusCode.Unauthorized);
        // The notice reaches B through Redis: the write waiting there is refused, the connector process ends.
        Assert.Equal(ApprovalOutcome.Refused, await waiting.WaitAsync(TimeSpan.FromSeconds(15)));
        await ReplicaPair.EventuallyAsync(() => TestProcess.HasExited(process), "replica B to stop alice's connector process");
        Assert.DoesNotContain(hubOnB.GetStatus().Sessions, s => s.UserId == alice.Id);
        Assert.Equal(1, (await replicas.A.AuditAsync()).Count(a => a.Action == "user_disabled" && a.Target == alice.Id));
    }
}

/// <summary>Over HTTP: a write waiting for alice's approval is refused when an admin disables her, and never runs.</summary>
public sealed class DisableRefusesApprovalTests(AnthropicChatFixture fx) : IClassFixture<AnthropicChatFixture>
{
    [Fact]
    public async Task Disabling_refuses_the_pending_approval_and_the_write_never_runs()
    {
        var admin = await fx.App.SignInAsync(); // the fixture's first account
        var alice = await fx.App.SignInAsync();
        var path = Path.Combine(fx.App.FilesDir, "disabled.txt");
        fx.Fake.Enqueue(FakeReply.ToolUse("write_file", new { path, content = "never" }), FakeReply.Text("Nothing was written."));

        await using var sse = await SseStream.OpenAsync(
            alice.Http,
            new { message = "Please write a note called disabled.txt into the shared folder.", datasource = "files" }
        );
        await sse.UntilAsync("approval_required");
        await ProblemAssert.JsonAsync(await admin.Http.PatchJsonAsync($"/api/admin/users/{alice.Id}", new { disabled = true }));

        var resolved = await sse.UntilAsync("approval_resolved");
        Assert.Equal("refused", resolved.GetProperty("status").GetString());
        await sse.ReadToEndAsync();
        Assert.False(File.Exists(path));
        Assert.DoesNotContain("tool_start", sse.Types);
        Assert.DoesNotContain(fx.App.Hub.Calls, c => c.Tool == "write_file" && c.UserId == alice.Id);
    }
}

static class TestProcess
{
    public static bool HasExited(int pid) => Hub.TestTools.HasExited(pid);
}
