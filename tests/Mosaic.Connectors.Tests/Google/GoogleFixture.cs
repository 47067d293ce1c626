using System.Text.Json;
using System.Text.Json.Nodes;
using Mosaic.Connectors.Tests.Infrastructure;

namespace Mosaic.Connectors.Tests.Google;

/// <summary>One Sandbox and one Google Workspace connector process (wired to it by --print-env) for a test class.</summary>
public sealed class GoogleFixture : IAsyncLifetime
{
    public const string LaunchPlanId = "1BrewProLaunchPlan_doc_9fK2mQ7xW4tZ0aLp3";
    public const string ForecastId = "1Q4SalesForecast_sheet_6tR3wE8yU1iO4pA7sD";
    public const string RestrictedDocId = "1BoardDeckRestricted_doc_0zX9cV8bN7mQ6wE5r";

    public SandboxFixture Sandbox { get; } = new();

    public ConnectorProcess Connector { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Sandbox.InitializeAsync();
        Connector = await StartAsync();
    }

    public async Task DisposeAsync()
    {
        if (Connector is not null)
            await Connector.DisposeAsync();
        await Sandbox.DisposeAsync();
    }

    public Task<ConnectorProcess> StartAsync(params (string Name, string Value)[] overrides) =>
        ConnectorProcess.StartAsync("GoogleWorkspace", Sandbox.EnvFor("google_workspace", overrides));

    public Task<ToolCallResult> CallAsync(string tool, object? args = null) => Connector.CallAsync(tool, args);

    /// <summary>The Sandbox's OAuth counters: refreshes (token grants), rejected (401s served), liveTokens.</summary>
    public async Task<JsonNode> OAuthAsync() => JsonNode.Parse(await Sandbox.Http.GetStringAsync("/_sandbox/google/oauth"))!;

    public async Task ControlAsync(string pathAndQuery) =>
        (await Sandbox.Http.PostAsync($"/_sandbox/google/{pathAndQuery}", null)).EnsureSuccessStatusCode();

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

internal static class GoogleJsonElement
{
    public static string Str(this JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : "";

    public static List<JsonElement> Items(this JsonElement e, string name) => [.. e.GetProperty(name).EnumerateArray()];
}
