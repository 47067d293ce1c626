namespace Mosaic.Connectors.Tests.Google;

/// <summary>
/// OAuth as Google does it: a refresh token turned into short-lived access tokens. The Sandbox counts every
/// token grant and every 401 it serves, so these tests see exactly when the connector refreshed.
/// Each test starts its own connector so it begins with an empty token cache.
/// </summary>
public sealed class GoogleAuthTests(GoogleFixture google) : IClassFixture<GoogleFixture>, IAsyncLifetime
{
    public Task InitializeAsync() => google.Sandbox.ResetAsync();

    public Task DisposeAsync() => google.Sandbox.ResetAsync();

    [Fact]
    public async Task One_token_serves_many_calls_until_it_nears_expiry()
    {
        await using var connector = await google.StartAsync();
        (await connector.CallAsync("get_events")).Ok();
        (await connector.CallAsync("list_messages", new { limit = 3 })).Ok();
        (await connector.CallAsync("search_drive_files", new { limit = 3 })).Ok();

        var oauth = await google.OAuthAsync();
        Assert.Equal(1, (int)oauth["refreshes"]!);
        Assert.Equal(0, (int)oauth["rejected"]!);
    }

    [Fact]
    public async Task An_expiring_token_is_refreshed_before_google_would_reject_it()
    {
        await google.ControlAsync("token-lifetime?seconds=3");
        await using var connector = await google.StartAsync();
        (await connector.CallAsync("get_events")).Ok();
        await Task.Delay(TimeSpan.FromSeconds(3.5));

        (await connector.CallAsync("get_events")).Ok();

        var oauth = await google.OAuthAsync();
        Assert.Equal(2, (int)oauth["refreshes"]!);
        Assert.Equal(0, (int)oauth["rejected"]!); // refreshed ahead of time: Google never saw the stale token
    }

    [Fact]
    public async Task A_token_revoked_early_is_refreshed_once_on_the_401_and_the_call_succeeds()
    {
        await using var connector = await google.StartAsync();
        (await connector.CallAsync("get_events")).Ok();
        await google.ControlAsync("expire-tokens");

        var doc = (await connector.CallAsync("get_document", new { document_id = GoogleFixture.LaunchPlanId })).Ok();

        Assert.Equal("Acme Brew Pro launch plan", doc.Str("title"));
        var oauth = await google.OAuthAsync();
        Assert.Equal(2, (int)oauth["refreshes"]!);
        Assert.Equal(1, (int)oauth["rejected"]!);
    }

    [Fact]
    public async Task Parallel_requests_without_a_token_refresh_only_once()
    {
        await using var connector = await google.StartAsync();
        // With a range, get_spreadsheet sends its two requests at the same time, both needing a token.
        (await connector.CallAsync("get_spreadsheet", new { spreadsheet_id = GoogleFixture.ForecastId, range = "Assumptions" })).Ok();
        Assert.Equal(1, (int)(await google.OAuthAsync())["refreshes"]!);
    }

    [Fact]
    public async Task Parallel_calls_rejected_with_a_revoked_token_share_one_new_token()
    {
        await using var connector = await google.StartAsync();
        (await connector.CallAsync("get_events")).Ok();
        await google.ControlAsync("expire-tokens");

        var calls = Enumerable
            .Range(0, 6)
            .Select(i =>
                i % 2 == 0
                    ? connector.CallAsync("get_spreadsheet", new { spreadsheet_id = GoogleFixture.ForecastId, range = "Assumptions" })
                    : connector.CallAsync("list_messages", new { limit = 2 })
            );
        var results = await Task.WhenAll(calls);

        Assert.All(results, r => r.Ok());
        var oauth = await google.OAuthAsync();
        Assert.Equal(2, (int)oauth["refreshes"]!); // however many requests saw the 401, one refresh replaced the token
        Assert.InRange((int)oauth["rejected"]!, 1, 9);
    }

    [Fact]
    public async Task A_revoked_refresh_token_is_a_clear_error_that_says_how_to_fix_it()
    {
        await using var connector = await google.StartAsync(("GOOGLE_REFRESH_TOKEN", "1//revoked-refresh-token"));
        var error = (await connector.CallAsync("get_events")).Error();
        Assert.Contains("invalid_grant", error);
        Assert.Contains("Token has been expired or revoked.", error);
        Assert.Contains("GOOGLE_REFRESH_TOKEN", error);
        Assert.Contains("docs/google-workspace.md", error);
        Assert.DoesNotContain("1//revoked-refresh-token", error);
    }

    [Fact]
    public async Task A_wrong_client_secret_names_the_client_settings()
    {
        await using var connector = await google.StartAsync(("GOOGLE_OAUTH_CLIENT_SECRET", "not-the-secret"));
        var error = (await connector.CallAsync("list_messages")).Error();
        Assert.Contains("invalid_client", error);
        Assert.Contains("GOOGLE_OAUTH_CLIENT_SECRET", error);
        Assert.DoesNotContain("not-the-secret", error);
    }
}
