using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Mosaic.Connectors.Common.Errors;
using Mosaic.Connectors.Common.Http;

namespace Mosaic.Connectors.Shopify;

/// <summary>
/// The thin Admin GraphQL client: POSTs a query, honours the cost-based throttle (waits before a query
/// that would not fit, waits and retries after THROTTLED), and turns GraphQL errors into tool errors.
/// Every query is a read, so retrying one is safe.
/// </summary>
public sealed class ShopifyClient(HttpClient http, ShopifySettings settings, ShopifyThrottle throttle, ILogger<ShopifyClient> logger)
{
    private const int MaxAttempts = 5;

    public async Task<JsonObject> QueryAsync(string operation, string query, JsonObject variables, CancellationToken cancellationToken)
    {
        var waited = TimeSpan.Zero;
        for (var attempt = 1; ; attempt++)
        {
            var delay = throttle.DelayBefore(operation);
            if (delay > TimeSpan.Zero)
                waited += await WaitAsync(delay, waited, cancellationToken);

            using var request = new HttpRequestMessage(HttpMethod.Post, "")
            {
                Content = new StringContent(
                    new JsonObject { ["query"] = query, ["variables"] = variables.DeepClone() }.ToJsonString(),
                    Encoding.UTF8,
                    "application/json"
                ),
            };
            using var response = await http.SendAsync(request, cancellationToken);
            if (response.StatusCode == HttpStatusCode.NotFound)
                throw new UpstreamException(
                    "Shopify",
                    404,
                    null,
                    $"there is no Admin API at {settings.GraphQlEndpoint}: check SHOPIFY_SHOP_URL (e.g. "
                        + $"https://your-store.myshopify.com) and SHOPIFY_API_VERSION ({settings.ApiVersion})"
                );
            if (response.StatusCode == HttpStatusCode.TooManyRequests && attempt < MaxAttempts)
            {
                waited += await WaitAsync(RetryAfter.From(response) ?? TimeSpan.FromSeconds(1), waited, cancellationToken);
                continue;
            }
            await response.EnsureUpstreamSuccessAsync("Shopify", cancellationToken);

            var body =
                JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken)) as JsonObject
                ?? throw new UpstreamException("Shopify", (int)response.StatusCode, null, "the response was not a JSON object");
            var refill = throttle.Observe(operation, body["extensions"]);
            if (Throttled(body))
            {
                if (attempt >= MaxAttempts)
                    throw ThrottledError(refill);
                logger.LogInformation("Shopify throttled {Operation}; waiting {Wait} for the cost bucket to refill", operation, refill);
                waited += await WaitAsync(
                    refill < TimeSpan.FromMilliseconds(250) ? TimeSpan.FromMilliseconds(250) : refill,
                    waited,
                    cancellationToken
                );
                continue;
            }
            ThrowOnErrors(body);
            return body["data"] as JsonObject ?? throw new UpstreamException("Shopify", null, null, "the response had no data");
        }
    }

    /// <summary>Waits, unless that would take this call past <see cref="ShopifyThrottle.MaxWait"/>: then the tool says how long.</summary>
    private static async Task<TimeSpan> WaitAsync(TimeSpan delay, TimeSpan waitedSoFar, CancellationToken cancellationToken)
    {
        if (waitedSoFar + delay > ShopifyThrottle.MaxWait)
            throw ThrottledError(delay);
        await Task.Delay(delay, cancellationToken);
        return delay;
    }

    private static UpstreamException ThrottledError(TimeSpan wait) =>
        new(
            "Shopify",
            429,
            "THROTTLED",
            "the store's API cost budget is used up (it refills every second)",
            wait < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : wait
        );

    private static bool Throttled(JsonObject body) =>
        body["errors"] is JsonArray errors && errors.Any(e => e?["extensions"]?["code"]?.GetValue<string>() == "THROTTLED");

    private static void ThrowOnErrors(JsonObject body)
    {
        if (body["errors"] is not JsonArray { Count: > 0 } errors)
            return;
        var first = errors[0];
        var code = first?["extensions"]?["code"]?.GetValue<string>();
        var message = string.Join("; ", errors.Select(e => e?["message"]?.GetValue<string>()).OfType<string>().Distinct());
        // Missing access scopes come back as GraphQL errors with HTTP 200; report them as the 403 they are.
        int? status = code == "ACCESS_DENIED" ? 403 : null;
        throw new UpstreamException("Shopify", status, code, message);
    }
}
