using System.Security.Cryptography;
using Mosaic.Server.Credentials;
using Mosaic.Server.OAuth;

namespace Mosaic.Server.Tests.OAuth;

/// <summary>An OAuth app's client secret is encrypted like credentials and moves to the new key with them.</summary>
public sealed class OAuthAppRotationTests : IAsyncLifetime
{
    readonly string _oldKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    readonly string _newKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    TestDatabase _db = null!;

    public async Task InitializeAsync() => _db = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _db.DisposeAsync();

    async Task<MosaicAppFactory> ServerAsync(string key, string? previous = null)
    {
        var f = MosaicAppFactory.On(_db);
        await f.InitializeAsync();
        f.Settings["ENCRYPTION_KEY"] = key;
        f.Settings["ENCRYPTION_KEYS_PREVIOUS"] = previous;
        return f;
    }

    static async Task<T> InScopeAsync<T>(MosaicAppFactory f, Func<IServiceProvider, Task<T>> act)
    {
        await using var scope = f.Services.CreateAsyncScope();
        return await act(scope.ServiceProvider);
    }

    [Fact]
    public async Task Rotation_re_encrypts_the_saved_client_secret()
    {
        var google = new OAuthProviders().Find("google")!;
        await using (var before = await ServerAsync(_oldKey))
        {
            var admin = await OAuthFixture.AdminAsync(before);
            Assert.True(
                await InScopeAsync(before, sp =>
                    sp.GetRequiredService<OAuthApps>().SaveAsync(google, "id-1", "secret-1", admin.Id, default)
                )
            );
        }
        var stored = Assert.Single(await _db.QueryStringsAsync("SELECT encrypted_secret FROM oauth_apps"));
        Assert.StartsWith($"v1.{CredentialEncryptor.KeyId(Convert.FromBase64String(_oldKey))}.", stored);
        Assert.DoesNotContain("secret-1", stored);

        await using (var during = await ServerAsync(_newKey, previous: _oldKey))
        {
            var result = await InScopeAsync(during, sp => sp.GetRequiredService<EncryptionKeyRotator>().RotateAsync(default));
            Assert.Empty(result.Failures);
            Assert.Equal(1, result.Rotated);
        }
        await using var after = await ServerAsync(_newKey);
        var app = await InScopeAsync(after, sp => sp.GetRequiredService<OAuthApps>().FindAsync(google, default));
        Assert.Equal(("id-1", "secret-1"), (app!.ClientId, app.ClientSecret));
    }
}
