using Mosaic.Connectors.Tests.Infrastructure;

namespace Mosaic.Connectors.Tests.Google;

/// <summary>Missing scopes, unreadable and missing files, rate limits and bad arguments become actionable tool errors.</summary>
public sealed class GoogleErrorTests(GoogleFixture google) : IClassFixture<GoogleFixture>, IAsyncLifetime
{
    public Task InitializeAsync() => google.Sandbox.ResetAsync();

    public Task DisposeAsync() => google.Sandbox.ResetAsync();

    [Fact]
    public async Task A_token_without_the_gmail_scope_is_a_403_asking_for_it()
    {
        await google.ControlAsync("scopes?scopes=https://www.googleapis.com/auth/calendar.readonly");
        await using var connector = await google.StartAsync();
        var error = (await connector.CallAsync("list_messages")).Error();
        Assert.Contains("Gmail says:", error);
        Assert.Contains("insufficient authentication scopes", error);
        Assert.Contains("HTTP 403", error);
        Assert.Contains("scope", error[error.IndexOf("403", StringComparison.Ordinal)..]);
        (await connector.CallAsync("get_events")).Ok(); // the granted scope still works
    }

    [Fact]
    public async Task A_document_shared_without_access_is_a_403_and_an_unknown_one_a_404()
    {
        var denied = (await google.CallAsync("get_document", new { document_id = GoogleFixture.RestrictedDocId })).Error();
        Assert.Contains("The caller does not have permission", denied);
        Assert.Contains("HTTP 403", denied);
        var missing = (await google.CallAsync("get_document", new { document_id = "1NoSuchDocument_000000000000" })).Error();
        Assert.Contains("Requested entity was not found.", missing);
        Assert.Contains("HTTP 404", missing);
        var sheet = (
            await google.CallAsync("get_spreadsheet", new { spreadsheet_id = GoogleFixture.ForecastId, range = "Nope!A1:B2" })
        ).Error();
        Assert.Contains("Unable to parse range: Nope!A1:B2", sheet);
    }

    [Fact]
    public async Task A_brief_rate_limit_is_retried_transparently()
    {
        await google.Sandbox.ThrottleAsync("google", 2);
        var files = (await google.CallAsync("search_drive_files", new { query = "launch" })).Ok().Items("files");
        Assert.NotEmpty(files);
        // Both forced 429s really reached the connector, which retried past them.
        Assert.Equal(2, (int)(await google.OAuthAsync())["throttled"]!);
    }

    [Fact]
    public async Task A_persistent_rate_limit_is_a_429_tool_error()
    {
        await google.Sandbox.ThrottleAsync("google", 20);
        var error = (await google.CallAsync("get_events")).Error();
        Assert.Contains("RESOURCE_EXHAUSTED", error);
        Assert.Contains("HTTP 429", error);
        Assert.Contains("rate-limiting", error);
        Assert.Equal(4, (int)(await google.OAuthAsync())["throttled"]!); // the first try and three retries
    }

    [Theory]
    [InlineData("get_events", "time_min", "next week", "time_min must be a date")]
    [InlineData("get_events", "limit", -5, "limit must be between")]
    [InlineData("get_document", "format", "pdf", "format must be markdown or text")]
    [InlineData("search_drive_files", "mime_type", "movie", "mime_type must be one of")]
    [InlineData("list_messages", "cursor", "bogus", "cursor is not valid")]
    public async Task Bad_arguments_are_explained(string tool, string name, object value, string expected)
    {
        var args = new Dictionary<string, object?> { [name] = value };
        if (tool == "get_document")
            args["document_id"] = GoogleFixture.LaunchPlanId;
        Assert.Contains(expected, (await google.CallAsync(tool, args)).Error());
    }

    [Fact]
    public async Task Missing_credentials_stop_start_up_naming_every_variable()
    {
        var env = google.Sandbox.EnvFor("google_workspace").Where(kv => kv.Key == "GOOGLE_API_BASE_URL").ToDictionary();
        var (exit, stderr) = await ConnectorProcess.RunToExitAsync("GoogleWorkspace", env);
        Assert.Equal(2, exit);
        Assert.Contains("GOOGLE_OAUTH_CLIENT_ID", stderr);
        Assert.Contains("GOOGLE_OAUTH_CLIENT_SECRET", stderr);
        Assert.Contains("GOOGLE_REFRESH_TOKEN", stderr);
    }
}
