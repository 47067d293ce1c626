using Mosaic.Connectors.Tests.Infrastructure;

namespace Mosaic.Connectors.Tests.Google;

/// <summary>Google's whoami (Gmail's profile): the Sandbox's refresh token signs in as alice@acme.test.</summary>
public sealed class GoogleWhoamiTests(GoogleFixture google) : IClassFixture<GoogleFixture>
{
    [Fact]
    public async Task The_refresh_token_signs_in_as_alice()
    {
        var me = (await google.CallAsync("whoami")).Ok();

        Assert.Equal("alice@acme.test", me.GetProperty("account").GetString());
        Assert.Equal("alice@acme.test (Google Workspace)", me.GetProperty("identity").GetString());
        Assert.Equal(15, me.GetProperty("messages_total").GetInt32());
    }

    [Fact]
    public async Task A_revoked_refresh_token_is_Google_s_own_reason_in_one_sentence()
    {
        await using var bad = await google.StartAsync(("GOOGLE_REFRESH_TOKEN", "1//revoked-refresh-token"));
        var error = (await bad.CallAsync("whoami")).Error();

        Assert.Equal("Google sign-in says: invalid_grant: Token has been expired or revoked", error);
    }
}
