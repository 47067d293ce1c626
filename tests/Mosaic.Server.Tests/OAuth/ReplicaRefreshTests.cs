using System.Text.Json;
using Mosaic.Connectors.Tests.Infrastructure;
using Mosaic.Server.Connectors.Hub;
using Mosaic.Server.Tests.Replicas;

namespace Mosaic.Server.Tests.OAuth;

/// <summary>
/// Two replicas on one database and the real Redis: calls on both that all find the access token about to expire cause
/// exactly one refresh at the provider (the Redis lock, then the re-read row), and both use the new token.
/// </summary>
public sealed class ReplicaRefreshTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>
{
    [Fact]
    public async Task Concurrent_calls_on_two_replicas_refresh_once()
    {
        await sandbox.ResetAsync();
        await using var pair = await ReplicaPair.StartAsync(f => OAuthFixture.Configure(f, sandbox));
        await OAuthFixture.FixLocationsAsync(await OAuthFixture.AdminAsync(pair.A), sandbox);
        var user = await pair.A.SignUpAndLogInAsync();
        Assert.StartsWith("/settings?oauth=connected", await OAuthFixture.ConnectAsync(user, "google_workspace"));
        await OAuthFixture.ExpireSoonAsync(pair.A, user, "google_workspace");

        var hubs = new[] { pair.A, pair.B }.Select(r => r.Services.GetRequiredService<IMcpHub>()).ToList();
        var calls = await Task.WhenAll(
            Enumerable
                .Range(0, 6)
                .Select(i =>
                    hubs[i % 2]
                        .CallToolAsync(
                            user.Id,
                            "google_workspace",
                            "list_messages",
                            new Dictionary<string, JsonElement> { ["limit"] = JsonSerializer.SerializeToElement(3 + i) },
                            CancellationToken.None
                        )
                )
        );
        Assert.All(calls, c => Assert.False(c.IsError, c.Text));
        Assert.Equal(1, (await OAuthFixture.StatsAsync(sandbox, "google")).GetProperty("refreshes").GetInt32());
    }
}
