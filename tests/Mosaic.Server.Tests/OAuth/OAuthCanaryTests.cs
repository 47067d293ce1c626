using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Mosaic.Server.Credentials;
using Mosaic.Server.Data;
using Mosaic.Server.OAuth;

namespace Mosaic.Server.Tests.OAuth;

/// <summary>
/// After a whole flow (consent, callback, calls, a refresh, the admin's view, disconnect), no access token, refresh token,
/// authorization code, PKCE verifier or client secret appears in any log line or API response.
/// </summary>
public sealed class OAuthCanaryTests(OAuthFixture fx) : IClassFixture<OAuthFixture>, IAsyncLifetime
{
    public Task InitializeAsync() => fx.Sandbox.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("slack", "slack", "search_messages")]
    [InlineData("google_workspace", "google", "list_messages")]
    [InlineData("shopify", "shopify", "list_products")]
    [InlineData("jira", "atlassian", "list_projects")]
    [InlineData("github", "github", "list_repositories")]
    public async Task No_token_code_verifier_or_secret_reaches_a_log_or_a_response(string source, string provider, string tool)
    {
        var admin = await fx.AdminAsync();
        var user = await fx.App.SignUpAndLogInAsync();
        var secrets = new List<string>();
        var responses = new List<string>();

        var authorize = await OAuthFixture.StartAsync(user, source);
        if (await VerifierAsync(user, source) is { } verifier)
            secrets.Add(verifier);
        var callback = await OAuthFixture.ConsentAsync(authorize);
        secrets.Add(Query(callback, "code"));
        responses.Add(await OAuthFixture.CallbackAsync(user, callback));
        secrets.AddRange(await TokensAsync(user, source));

        var args = tool == "search_messages" ? new { query = "checkout" } : (object)new { };
        responses.Add(await Json(user.Http.GetAsync("/api/datasources")));
        var hub = fx.App.Services.GetRequiredService<Mosaic.Server.Connectors.Hub.IMcpHub>();
        await fx.ControlAsync(provider, "expire-access");
        var call = await hub.CallToolAsync(
            user.Id,
            source,
            tool,
            System.Text.Json.JsonSerializer.SerializeToElement(args).EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone()),
            CancellationToken.None
        );
        Assert.False(call.IsError, call.Text);
        responses.Add(call.Text);
        secrets.AddRange(await TokensAsync(user, source)); // the refreshed ones
        responses.Add(await Json(user.Http.GetAsync("/api/digest?refresh=true")));
        responses.Add(await Json(admin.Http.GetAsync("/api/admin/oauth")));
        responses.Add(await Json(admin.Http.GetAsync("/api/admin/audit?limit=100")));
        responses.Add(await Json(user.Http.DeleteAsync($"/api/credentials/{source}")));

        secrets.AddRange(OAuthFixture.Apps.Select(a => a.Secret));
        Assert.True(secrets.Count >= 5 + OAuthFixture.Apps.Length - 1, string.Join(", ", secrets.Select(s => s.Length)));
        var logs = fx.App.Logs.All;
        Assert.Contains($"OAuth flow for {source} started", logs); // the logs did capture the flow
        foreach (var secret in secrets.Where(s => s.Length >= 8).Distinct())
        {
            Assert.DoesNotContain(secret, logs);
            Assert.All(responses, r => Assert.DoesNotContain(secret, r));
        }
    }

    /// <summary>The PKCE verifier of the user's pending flow, read as only the server can (it is stored encrypted).</summary>
    async Task<string?> VerifierAsync(TestUser user, string source)
    {
        using var scope = fx.App.Services.CreateScope();
        var row = await scope.ServiceProvider.GetRequiredService<MosaicDbContext>().OAuthStates.SingleAsync(s => s.UserId == user.Id);
        return row.EncryptedVerifier is null
            ? null
            : scope
                .ServiceProvider.GetRequiredService<CredentialEncryptor>()
                .Decrypt(row.EncryptedVerifier, user.Id, $"oauth_state:{source}");
    }

    /// <summary>Every token value the vault holds for the connection (connector fields and bookkeeping).</summary>
    async Task<IEnumerable<string>> TokensAsync(TestUser user, string source)
    {
        using var scope = fx.App.Services.CreateScope();
        var row = await scope.ServiceProvider.GetRequiredService<OAuthVault>().FindAsync(user.Id, source, CancellationToken.None);
        Assert.NotNull(row);
        return row.Fields.Where(f => f.Key.Contains("token")).Select(f => f.Value).ToList();
    }

    static string Query(string url, string name) =>
        Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri(url).Query)[name].ToString();

    static async Task<string> Json(Task<HttpResponseMessage> request)
    {
        using var response = await request;
        return await response.Content.ReadAsStringAsync();
    }
}
