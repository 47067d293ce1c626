using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Mosaic.Server.Connectors;
using Mosaic.Server.Connectors.Hub;
using Mosaic.Server.Credentials;
using Mosaic.Server.Infrastructure;
using Mosaic.Server.Tests.Hub;

namespace Mosaic.Server.Tests.Replicas;

/// <summary>
/// A replica keeps each user's setup in memory (<see cref="SetupCache"/>); a save acknowledged on another replica counts
/// on its very next call, even when the save's notice never reaches it.
/// </summary>
public sealed class ReplicaSetupCacheTests
{
    [Fact]
    public async Task After_a_save_on_A_is_acknowledged_B_never_uses_the_old_secret_even_without_the_notice()
    {
        var connectors = ReplicaMcpSessionTests.ConnectorsFileWithEverything();
        await using var replicas = await ReplicaPair.StartAsync(f => f.Settings["MOSAIC_CONNECTORS_FILE"] = connectors);
        var alice = await replicas.A.SignUpAndLogInAsync();
        (await alice.Http.GetAsync("/api/auth/me")).EnsureSuccessStatusCode(); // hands out the XSRF token
        await SaveAsync(alice.Http, "first");

        var hubOnB = replicas.B.Services.GetRequiredService<McpHub>();
        var setupsOnB = replicas.B.Services.GetRequiredService<SetupCache>();
        Assert.Equal("first", await ReplicaMcpSessionTests.TokenSeenByChildAsync(hubOnB, alice.Id));
        Assert.Equal("first", await ReplicaMcpSessionTests.TokenSeenByChildAsync(hubOnB, alice.Id));
        Assert.Equal(1, setupsOnB.Count); // kept: the second call read nothing

        // B stops hearing notices (Redis pub/sub is fire-and-forget: one can be late or lost). Only the change counter,
        // moved before A acknowledges the save, can tell B.
        await replicas.B.Services.GetRequiredService<RedisCredentialChanges>().StopAsync(CancellationToken.None);
        var heardOnB = 0;
        replicas.B.Services.GetRequiredService<CredentialChangeNotifier>().Changed += _ => Interlocked.Increment(ref heardOnB);
        await SaveAsync(alice.Http, "second");

        Assert.Equal("second", await ReplicaMcpSessionTests.TokenSeenByChildAsync(hubOnB, alice.Id));
        Assert.Equal(0, heardOnB);
    }

    internal static async Task SaveAsync(HttpClient http, string token) =>
        Assert.Equal(
            HttpStatusCode.OK,
            (await http.PostAsJsonAsync("/api/credentials", new { datasource = "everything", credentials = new { token } })).StatusCode
        );
}
