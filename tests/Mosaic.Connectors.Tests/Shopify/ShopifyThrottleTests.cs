using Mosaic.Connectors.Tests.Infrastructure;

namespace Mosaic.Connectors.Tests.Shopify;

/// <summary>
/// Shopify's cost-based rate limit: the connector reads the cost extension, waits for the bucket to refill
/// before a query that would not fit, retries after THROTTLED, and says how long to wait when that is too long.
/// Each test starts its own connector so it begins without a remembered bucket state.
/// </summary>
public sealed class ShopifyThrottleTests(ShopifyFixture shop) : IClassFixture<ShopifyFixture>, IAsyncLifetime
{
    public Task InitializeAsync() => shop.Sandbox.ResetAsync();

    public Task DisposeAsync() => shop.Sandbox.ResetAsync();

    [Fact]
    public async Task A_throttled_answer_is_waited_out_and_retried()
    {
        // A fast refill keeps the wait short; the forced throttle empties the bucket like a real one.
        await shop.ConfigureBucketAsync(1000, 500);
        await using var connector = await ConnectorProcess.StartAsync("Shopify", shop.Sandbox.EnvFor("shopify"));
        await shop.Sandbox.ThrottleAsync("shopify", 1);

        var orders = (await connector.CallAsync("list_orders", new { limit = 20 })).Ok().Items("orders");

        Assert.Equal(20, orders.Count);
        var bucket = await shop.BucketAsync();
        Assert.Equal(2, (int)bucket["requests"]!);
        Assert.Equal(1, (int)bucket["throttled"]!);
    }

    [Fact]
    public async Task A_query_that_would_not_fit_waits_for_the_refill_instead_of_being_throttled()
    {
        // list_orders with limit 20 costs 222 points: the first call leaves 78 of 300, the second must wait ~1.5 s.
        await shop.ConfigureBucketAsync(300, 100);
        await using var connector = await ConnectorProcess.StartAsync("Shopify", shop.Sandbox.EnvFor("shopify"));

        Assert.Equal(20, (await connector.CallAsync("list_orders", new { limit = 20 })).Ok().Items("orders").Count);
        Assert.Equal(20, (await connector.CallAsync("list_orders", new { limit = 20 })).Ok().Items("orders").Count);

        var bucket = await shop.BucketAsync();
        Assert.Equal(2, (int)bucket["requests"]!);
        Assert.Equal(0, (int)bucket["throttled"]!);
    }

    [Fact]
    public async Task A_wait_longer_than_a_tool_call_allows_is_a_clear_429()
    {
        // 1 point per second: after the first call the next one would wait more than a minute.
        await shop.ConfigureBucketAsync(300, 1);
        await using var connector = await ConnectorProcess.StartAsync("Shopify", shop.Sandbox.EnvFor("shopify"));
        (await connector.CallAsync("list_orders", new { limit = 20 })).Ok();

        var error = (await connector.CallAsync("list_orders", new { limit = 20 })).Error();

        Assert.Contains("THROTTLED", error);
        Assert.Contains("HTTP 429", error);
        var wait = System.Text.RegularExpressions.Regex.Match(error, @"wait (\d+) s");
        Assert.True(wait.Success && int.Parse(wait.Groups[1].Value) > 20, error);
        // It did not hammer the store: the refused query was never sent.
        Assert.Equal(1, (int)(await shop.BucketAsync())["requests"]!);
    }
}
