using System.Net.Http.Json;
using System.Text.Json;
using Mosaic.Server.Tests.Chat.Support;
using Mosaic.Server.Tests.Replicas;

namespace Mosaic.Server.Tests.Audit;

/// <summary>The audit log is the shared database: a tool call answered by replica A is read from replica B.</summary>
public sealed class ReplicaAuditTests
{
    [Fact]
    public async Task A_call_on_replica_a_is_in_the_log_read_on_replica_b()
    {
        var config = Directory.CreateTempSubdirectory("mosaic-audit-replicas").FullName;
        var connectors = Path.Combine(config, "connectors.json");
        await File.WriteAllTextAsync(
            connectors,
            $$"""
            { "sources": [ { "id": "everything", "name": "Everything", "description": "MCP reference server",
                "command": {{JsonSerializer.Serialize(TestTools.Bin("mcp-server-everything"))}}, "args": ["stdio"],
                "read_only_tools": ["echo"] } ] }
            """
        );
        try
        {
            await using var pair = await ReplicaPair.StartAsync(f =>
            {
                f.Settings["MOSAIC_LLM_PROVIDER"] = "offline";
                f.Settings["MOSAIC_CONNECTORS_FILE"] = connectors;
            });
            var user = await pair.A.SignInAsync();
            var answer = await user.Http.PostAsJsonAsync(
                "/api/chat/message",
                new { message = "echo \"from replica a\"", datasource = "everything" }
            );
            answer.EnsureSuccessStatusCode();
            var admin = await pair.B.SignInAdminAsync();

            var page = await ProblemAssert.JsonAsync(
                await admin.Http.GetAsync($"/api/admin/audit?user={Uri.EscapeDataString(user.Email)}&kind=tool_call")
            );
            var entry = Assert.Single(page.GetProperty("entries").EnumerateArray());
            Assert.Equal(
                ("everything", "echo", "success"),
                (entry.GetProperty("source").GetString(), entry.GetProperty("tool").GetString(), entry.GetProperty("outcome").GetString())
            );

            var onB = ReplicaPair.SameBrowserOn(pair.B, user.Browser);
            var mine = await ProblemAssert.JsonAsync(await onB.GetAsync("/api/activity?kind=tool_call"));
            Assert.Equal(
                entry.GetProperty("id").GetInt64(),
                Assert.Single(mine.GetProperty("entries").EnumerateArray()).GetProperty("id").GetInt64()
            );
        }
        finally
        {
            Directory.Delete(config, recursive: true);
        }
    }
}
