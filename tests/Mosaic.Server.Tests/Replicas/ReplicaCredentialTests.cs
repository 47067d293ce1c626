using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using Mosaic.Server.Credentials;

namespace Mosaic.Server.Tests.Replicas;

/// <summary>Credentials saved through one replica are usable on the other, and the other hears about the change.</summary>
public sealed class ReplicaCredentialTests
{
    [Fact]
    public async Task A_credential_change_on_one_replica_is_raised_on_the_other_once()
    {
        await using var replicas = await ReplicaPair.StartAsync();
        var user = await replicas.A.SignUpAndLogInAsync();
        var onB = ReplicaPair.SameBrowserOn(replicas.B, user.Browser);
        var heardOnA = Listen(replicas.A, user.Id);
        var heardOnB = Listen(replicas.B, user.Id);

        var save = await user.Http.PostAsJsonAsync(
            "/api/credentials",
            new { datasource = "github", credentials = new { token = "ghp_first" } }
        );
        Assert.Equal(HttpStatusCode.OK, save.StatusCode);
        await ReplicaPair.EventuallyAsync(() => !heardOnB.IsEmpty, "replica B to hear of the save made on A");
        var remote = Assert.Single(heardOnB);
        Assert.Equal(("github", CredentialChangeKind.Saved), (remote.Datasource, remote.Kind));

        // Now B changes them: A hears it. Redis delivers one channel's messages in publish order, so
        // A's own save came back to it before this one: had A not ignored it, A would now hold three.
        Assert.Equal(HttpStatusCode.OK, (await onB.DeleteAsync("/api/credentials/github")).StatusCode);
        await ReplicaPair.EventuallyAsync(() => heardOnA.Count >= 2, "replica A to hear of the delete made on B");
        Assert.Equal([CredentialChangeKind.Saved, CredentialChangeKind.Deleted], heardOnA.Select(c => c.Kind));
        Assert.Equal([CredentialChangeKind.Saved, CredentialChangeKind.Deleted], heardOnB.Select(c => c.Kind));
        Assert.All(heardOnA.Concat(heardOnB), c => Assert.Equal(("github", user.Id), (c.Datasource, c.UserId)));
    }

    [Fact]
    public async Task Credentials_saved_through_A_decrypt_on_B_and_not_with_another_key()
    {
        await using var replicas = await ReplicaPair.StartAsync();
        var user = await replicas.A.SignUpAndLogInAsync();
        var save = await user.Http.PostAsJsonAsync(
            "/api/credentials",
            new { datasource = "github", credentials = new { token = "ghp_saved_on_a" } }
        );
        Assert.Equal(HttpStatusCode.OK, save.StatusCode);

        using (var scope = replicas.B.Services.CreateScope())
        {
            var fields = await scope
                .ServiceProvider.GetRequiredService<CredentialVault>()
                .GetAsync(user.Id, "github", CancellationToken.None);
            Assert.Equal("ghp_saved_on_a", fields!["token"]);
        }

        // The control: a server on the same data with a different ENCRYPTION_KEY cannot read them.
        await using var stranger = MosaicAppFactory.On(replicas.Database);
        foreach (var (k, v) in replicas.B.Settings)
            stranger.Settings[k] = v;
        stranger.Settings["ENCRYPTION_KEY"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        using var strangerScope = stranger.Services.CreateScope();
        await Assert.ThrowsAsync<CredentialDecryptionException>(() =>
            strangerScope.ServiceProvider.GetRequiredService<CredentialVault>().GetAsync(user.Id, "github", CancellationToken.None)
        );
    }

    private static ConcurrentQueue<CredentialChange> Listen(MosaicAppFactory replica, string userId)
    {
        var heard = new ConcurrentQueue<CredentialChange>();
        replica.Services.GetRequiredService<ICredentialChangeNotifier>().Changed += c =>
        {
            if (c.UserId == userId)
                heard.Enqueue(c);
        };
        return heard;
    }
}
