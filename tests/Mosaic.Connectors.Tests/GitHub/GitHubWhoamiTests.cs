using Mosaic.Connectors.Tests.Infrastructure;

namespace Mosaic.Connectors.Tests.GitHub;

/// <summary>GitHub's whoami: the Sandbox token belongs to alice-chen.</summary>
public sealed class GitHubWhoamiTests(GitHubFixture gh) : IClassFixture<GitHubFixture>
{
    [Fact]
    public async Task The_token_is_alice_chen()
    {
        var me = (await gh.CallAsync("whoami")).Ok();

        Assert.Equal("alice-chen", me.Str("account"));
        Assert.Equal("alice-chen", me.Str("login"));
        Assert.Equal("Alice Chen", me.Str("name"));
        Assert.Equal("alice-chen@acme.test", me.Str("email"));
        var host = new Uri(gh.Sandbox.BaseUrl).Authority;
        Assert.Equal($"Alice Chen (@alice-chen) on {host}", me.Str("identity"));
        Assert.Equal(host, me.Str("host"));
    }

    [Fact]
    public async Task A_wrong_token_is_GitHub_s_own_reason_in_one_sentence()
    {
        await using var bad = await ConnectorProcess.StartAsync("GitHub", gh.Sandbox.EnvFor("github", ("GITHUB_TOKEN", "ghp_revoked")));
        var error = (await bad.CallAsync("whoami")).Error();

        Assert.Equal("GitHub says: Bad credentials (HTTP 401)", error);
    }
}
