using System.Net;
using Mosaic.Server.Connectors;
using Mosaic.Server.Tests.Replicas;

namespace Mosaic.Server.Tests.Credentials;

/// <summary>A user's setup is read once and kept (<see cref="SetupCache"/>) until a change to it, which counts at once.</summary>
public sealed class SetupCacheTests
{
    [Fact]
    public async Task A_save_on_the_same_replica_counts_at_once_and_the_kept_setup_is_reused_until_then()
    {
        var connectors = ReplicaMcpSessionTests.ConnectorsFileWithEverything();
        await using var app = new MosaicAppFactory();
        app.Settings["MOSAIC_CONNECTORS_FILE"] = connectors;
        await app.InitializeAsync();
        var alice = await app.SignUpAndLogInAsync();
        (await alice.Http.GetAsync("/api/auth/me")).EnsureSuccessStatusCode();
        await ReplicaSetupCacheTests.SaveAsync(alice.Http, "first");
        var source = app.Services.GetRequiredService<SourceRegistry>().Find("everything")!;
        var setups = app.Services.GetRequiredService<SetupCache>();

        var kept = await setups.GetAsync(alice.Id, source, CancellationToken.None);
        Assert.Same(kept, await setups.GetAsync(alice.Id, source, CancellationToken.None));
        Assert.Equal("first", kept.Setup.Fields!["token"]);

        await ReplicaSetupCacheTests.SaveAsync(alice.Http, "second");
        var after = await setups.GetAsync(alice.Id, source, CancellationToken.None);
        Assert.NotSame(kept, after);
        Assert.Equal("second", after.Setup.Fields!["token"]);

        Assert.Equal(HttpStatusCode.OK, (await alice.Http.DeleteAsync("/api/credentials/everything")).StatusCode);
        Assert.Null((await setups.GetAsync(alice.Id, source, CancellationToken.None)).Setup.Fields);
    }
}
