using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using Mosaic.Server.Credentials;

namespace Mosaic.Server.Tests.Credentials;

/// <summary>
/// The documented rotation: start with ENCRYPTION_KEY=new and ENCRYPTION_KEYS_PREVIOUS=old, run
/// rotate-encryption-key, then drop the old key. Each step runs a fresh server on the same database.
/// </summary>
public sealed class KeyRotationTests : IAsyncLifetime
{
    private readonly string _oldKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    private readonly string _newKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    private TestDatabase _db = null!;

    public async Task InitializeAsync() => _db = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private async Task<MosaicAppFactory> ServerAsync(string key, string? previous = null)
    {
        var f = MosaicAppFactory.On(_db);
        await f.InitializeAsync();
        f.Settings["ENCRYPTION_KEY"] = key;
        f.Settings["ENCRYPTION_KEYS_PREVIOUS"] = previous;
        return f;
    }

    private async Task<string?> BotTokenAsync(MosaicAppFactory f, string userId)
    {
        await using var scope = f.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<CredentialVault>().GetAsync(userId, "slack", default))?["bot_token"];
    }

    [Fact]
    public async Task Rotation_moves_every_row_to_the_new_key()
    {
        string aliceId,
            bobId;
        await using (var before = await ServerAsync(_oldKey))
        {
            var alice = await before.SignUpAndLogInAsync();
            var bob = await before.SignUpAndLogInAsync();
            (aliceId, bobId) = (alice.Id, bob.Id);
            Assert.Equal(
                HttpStatusCode.OK,
                (
                    await alice.Http.PostAsJsonAsync(
                        "/api/credentials",
                        new { datasource = "slack", credentials = new { bot_token = "xoxb-alice" } }
                    )
                ).StatusCode
            );
            Assert.Equal(
                HttpStatusCode.OK,
                (
                    await bob.Http.PostAsJsonAsync(
                        "/api/credentials",
                        new { datasource = "slack", credentials = new { bot_token = "xoxb-bob" } }
                    )
                ).StatusCode
            );
        }
        var oldId = CredentialEncryptor.KeyId(Convert.FromBase64String(_oldKey));
        var newId = CredentialEncryptor.KeyId(Convert.FromBase64String(_newKey));
        Assert.All(await _db.QueryStringsAsync("SELECT encrypted_data FROM credentials"), row => Assert.StartsWith($"v1.{oldId}.", row));

        // Without the old key the rows cannot be read, and the error says what to do.
        await using (var withoutOld = await ServerAsync(_newKey))
        {
            var error = await Assert.ThrowsAsync<CredentialDecryptionException>(() => BotTokenAsync(withoutOld, aliceId));
            Assert.Contains("ENCRYPTION_KEYS_PREVIOUS", error.Message);
        }

        await using (var during = await ServerAsync(_newKey, previous: _oldKey))
        {
            Assert.Equal("xoxb-alice", await BotTokenAsync(during, aliceId)); // old rows still decrypt
            await using var scope = during.Services.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<EncryptionKeyRotator>().RotateAsync(default);
            Assert.Equal((2, 2, 0), (result.Total, result.Rotated, result.AlreadyCurrent));
            Assert.Empty(result.Failures);
            var again = await scope.ServiceProvider.GetRequiredService<EncryptionKeyRotator>().RotateAsync(default);
            Assert.Equal((2, 0, 2), (again.Total, again.Rotated, again.AlreadyCurrent)); // safe to re-run
        }
        Assert.All(await _db.QueryStringsAsync("SELECT encrypted_data FROM credentials"), row => Assert.StartsWith($"v1.{newId}.", row));

        await using var after = await ServerAsync(_newKey);
        Assert.Equal("xoxb-alice", await BotTokenAsync(after, aliceId));
        Assert.Equal("xoxb-bob", await BotTokenAsync(after, bobId));
    }

    [Fact]
    public async Task Rows_under_an_unknown_key_are_reported_not_destroyed()
    {
        await using (var before = await ServerAsync(_oldKey))
        {
            var user = await before.SignUpAndLogInAsync();
            await user.Http.PostAsJsonAsync("/api/credentials", new { datasource = "github", credentials = new { token = "ghp_secret" } });
        }
        var original = Assert.Single(await _db.QueryStringsAsync("SELECT encrypted_data FROM credentials"));
        await using (var wrong = await ServerAsync(_newKey))
        {
            await using var scope = wrong.Services.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<EncryptionKeyRotator>().RotateAsync(default);
            Assert.Equal(0, result.Rotated);
            Assert.Contains("github", Assert.Single(result.Failures));
        }
        Assert.Equal(original, Assert.Single(await _db.QueryStringsAsync("SELECT encrypted_data FROM credentials")));
    }
}
