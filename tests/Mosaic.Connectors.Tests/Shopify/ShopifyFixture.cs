using System.Text.Json;
using System.Text.Json.Nodes;
using Mosaic.Connectors.Tests.Infrastructure;

namespace Mosaic.Connectors.Tests.Shopify;

/// <summary>One Sandbox and one Shopify connector process (wired to it by --print-env) for a test class.</summary>
public sealed class ShopifyFixture : IAsyncLifetime
{
    public SandboxFixture Sandbox { get; } = new();

    public ConnectorProcess Connector { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Sandbox.InitializeAsync();
        Connector = await ConnectorProcess.StartAsync("Shopify", Sandbox.EnvFor("shopify"));
    }

    public async Task DisposeAsync()
    {
        if (Connector is not null)
            await Connector.DisposeAsync();
        await Sandbox.DisposeAsync();
    }

    public Task<ToolCallResult> CallAsync(string tool, object? args = null) => Connector.CallAsync(tool, args);

    /// <summary>The Sandbox's cost bucket: size, what is left, restore rate, requests seen and how many were throttled.</summary>
    public async Task<JsonNode> BucketAsync() => JsonNode.Parse(await Sandbox.Http.GetStringAsync("/_sandbox/shopify/bucket"))!;

    public async Task ConfigureBucketAsync(double size, double restoreRate) =>
        (await Sandbox.Http.PostAsync($"/_sandbox/shopify/bucket?size={size}&restoreRate={restoreRate}", null)).EnsureSuccessStatusCode();

    /// <summary>Follows next_cursor until the listing ends; returns every item and how many calls it took.</summary>
    public async Task<(List<JsonElement> Items, int Calls)> AllPagesAsync(string tool, string itemsName, Dictionary<string, object?> args)
    {
        var items = new List<JsonElement>();
        var calls = 0;
        string? cursor = null;
        do
        {
            var result = (await CallAsync(tool, new Dictionary<string, object?>(args) { ["cursor"] = cursor })).Ok();
            items.AddRange(result.GetProperty(itemsName).EnumerateArray());
            cursor = result.TryGetProperty("next_cursor", out var next) ? next.GetString() : null;
            Assert.True(++calls < 50, "paging did not end");
        } while (cursor is not null);
        return (items, calls);
    }
}

internal static class ShopJson
{
    public static string Str(this JsonElement e, string name) => e.TryGetProperty(name, out var v) ? v.GetString() ?? "" : "";

    public static int Int(this JsonElement e, string name) => e.GetProperty(name).GetInt32();

    public static List<JsonElement> Items(this JsonElement e, string name) => [.. e.GetProperty(name).EnumerateArray()];
}
