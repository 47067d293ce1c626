using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Mosaic.Sandbox.Infrastructure;
using Mosaic.Sandbox.OAuth;
using Mosaic.Sandbox.Shopify.GraphQL;

namespace Mosaic.Sandbox.Shopify;

/// <summary>
/// Shopify Admin GraphQL API at <c>POST /shopify/admin/api/{version}/graphql.json</c> for the Acme Brew store
/// (SHOPIFY_SHOP_URL = {sandbox}/shopify). Read-only: orders, products, variants, inventory, locations.
/// Test controls: <c>GET|POST /_sandbox/shopify/bucket?size=&amp;restoreRate=</c>.
/// </summary>
public static partial class ShopifySimulator
{
    /// <summary>A second accepted token that lacks read_orders, so ACCESS_DENIED can be tested.</summary>
    public const string ProductsOnlyToken = "shpat_sandbox_acme_products_only";

    private static readonly JsonSerializerOptions Json = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly string[] AllScopes = ["read_orders", "read_products", "read_inventory", "read_locations"];

    public static IEndpointRouteBuilder MapShopifySimulator(this IEndpointRouteBuilder app)
    {
        var config = app.ServiceProvider.GetRequiredService<IConfiguration>();
        var bucket = new ShopifyCostBucket(
            app.ServiceProvider.GetRequiredService<TimeProvider>(),
            config.GetValue("Sandbox:Shopify:BucketSize", 1000.0),
            config.GetValue("Sandbox:Shopify:RestoreRate", 50.0)
        );
        var state = app.ServiceProvider.GetRequiredService<SandboxState>();
        state.OnReset(bucket.Reset);
        var oauth = new ShopifyOAuth(app.ServiceProvider.GetRequiredService<SandboxOAuth>().Shopify);
        oauth.Map(app); // admin/oauth/authorize, admin/oauth/access_token, DELETE admin/api_permissions/current.json
        app.MapShopifyPages(); // what the admin links open

        app.MapPost("/shopify/admin/api/{version}/graphql.json", async (HttpRequest request, string version) =>
        {
            if (!VersionPattern().IsMatch(version))
                return Results.Json(new JsonObject { ["errors"] = "Not Found" }, statusCode: 404);
            var token = request.Headers["X-Shopify-Access-Token"].ToString();
            string[]? scopes =
                SandboxTokens.Matches(token, SandboxTokens.Shopify, out var member) ? AllScopes
                : token == ProductsOnlyToken ? ["read_products"]
                : oauth.Scopes(token); // tokens from the Sandbox's OAuth app: what the merchant approved
            if (scopes is null)
                return ShopifyOAuth.InvalidToken();

            var (query, variables) = await ReadBodyAsync(request);
            if (query is null)
                return Results.Json(
                    new JsonObject { ["errors"] = new JsonObject { ["query"] = "Required parameter missing or invalid" } },
                    statusCode: 400
                );
            var response = Execute(query, variables, scopes, bucket, state);
            if (member > 0 && response["data"]?["shop"] is JsonObject { } shop && shop["name"] is JsonValue name)
                shop["name"] = name.GetValue<string>() + SandboxTokens.MemberSuffix(member); // the shop answer names the member
            return Results.Text(response.ToJsonString(Json), "application/json");
        });

        app.MapGet("/_sandbox/shopify/bucket", () => Results.Json(bucket.Stats()));
        app.MapPost("/_sandbox/shopify/bucket", (double? size, double? restoreRate) =>
        {
            bucket.Configure(size ?? 1000, restoreRate ?? 50);
            return Results.Json(bucket.Stats());
        });
        return app;
    }

    private static JsonObject Execute(string query, JsonObject? variables, string[] scopes, ShopifyCostBucket bucket, SandboxState state)
    {
        GqlOperation operation;
        try
        {
            operation = GqlParser.Parse(query, variables);
        }
        catch (GqlException e)
        {
            return Errors(e.Message, e.Code);
        }
        if (operation.Type != "query")
            return Errors("The Sandbox's Shopify store is read-only: only queries are simulated.", "undefinedField");

        var requested = GqlCost.Requested(operation.Selection);
        if (requested > 1000)
            return Errors(
                $"Query cost is {requested}, which exceeds the single query max cost limit (1000).",
                "MAX_COST_EXCEEDED",
                Cost(requested, null, bucket)
            );
        if (state.TakeThrottle("shopify"))
        {
            bucket.Drain();
            return Throttled(requested, bucket);
        }
        if (!bucket.TryTake(requested))
            return Throttled(requested, bucket);

        var projector = new GqlProjector();
        projector.ArgumentFields[("InventoryLevel", "quantities")] = FilterQuantities;
        var data = new JsonObject();
        var errors = new JsonArray();
        try
        {
            foreach (var field in operation.Selection)
            {
                var scope = ShopifyQueries.RequiredScope.GetValueOrDefault(field.Name, "");
                if (scope != "" && !scopes.Contains(scope))
                {
                    data[field.ResponseKey] = null;
                    errors.Add(AccessDenied(field, scope));
                    continue;
                }
                data[field.ResponseKey] = ShopifyQueries.Resolve(field, projector);
            }
        }
        catch (GqlException e)
        {
            bucket.Refund(requested);
            return Errors(e.Message, e.Code, Cost(requested, 0, bucket));
        }
        bucket.Refund(Math.Max(0, requested - projector.ActualCost));
        var result = new JsonObject { ["data"] = data };
        if (errors.Count > 0)
            result["errors"] = errors;
        result["extensions"] = Cost(requested, Math.Min(requested, projector.ActualCost), bucket);
        return result;
    }

    private static JsonNode? FilterQuantities(JsonNode? all, IReadOnlyDictionary<string, JsonNode?> args)
    {
        if (!args.TryGetValue("names", out var names) || names is not JsonArray wanted)
            throw new GqlException("Field 'quantities' is missing required arguments: names", "missingRequiredArguments");
        var set = wanted.Select(n => n?.GetValue<string>()).ToHashSet();
        return new JsonArray([.. all!.AsArray().Where(q => set.Contains(q!["name"]!.GetValue<string>())).Select(q => q!.DeepClone())]);
    }

    private static JsonObject AccessDenied(GqlField field, string scope) =>
        new()
        {
            ["message"] = $"Access denied for {field.Name} field. Required access: `{scope}` access scope.",
            ["path"] = new JsonArray(field.ResponseKey),
            ["extensions"] = new JsonObject
            {
                ["code"] = "ACCESS_DENIED",
                ["documentation"] = "https://shopify.dev/api/usage/access-scopes",
                ["requiredAccess"] = $"`{scope}` access scope.",
            },
        };

    private static JsonObject Throttled(int requested, ShopifyCostBucket bucket) =>
        Errors("Throttled", "THROTTLED", Cost(requested, null, bucket));

    private static JsonObject Errors(string message, string? code, JsonObject? extensions = null)
    {
        var error = new JsonObject { ["message"] = message };
        if (code is not null)
            error["extensions"] = new JsonObject { ["code"] = code };
        var result = new JsonObject { ["errors"] = new JsonArray(error) };
        if (extensions is not null)
            result["extensions"] = extensions;
        return result;
    }

    private static JsonObject Cost(int requested, int? actual, ShopifyCostBucket bucket) =>
        new()
        {
            ["cost"] = new JsonObject
            {
                ["requestedQueryCost"] = requested,
                ["actualQueryCost"] = actual,
                ["throttleStatus"] = bucket.ThrottleStatus(),
            },
        };

    private static async Task<(string? Query, JsonObject? Variables)> ReadBodyAsync(HttpRequest request)
    {
        using var reader = new StreamReader(request.Body);
        var text = await reader.ReadToEndAsync(request.HttpContext.RequestAborted);
        if (request.ContentType?.StartsWith("application/graphql", StringComparison.OrdinalIgnoreCase) == true)
            return (text, null);
        try
        {
            var body = JsonNode.Parse(text) as JsonObject;
            return (body?["query"]?.GetValue<string>(), body?["variables"] as JsonObject);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return (null, null);
        }
    }

    [GeneratedRegex(@"^(\d{4}-(01|04|07|10)|unstable)$")]
    private static partial Regex VersionPattern();
}
