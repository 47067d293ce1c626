using System.Text.Json;
using Mosaic.Connectors.Tests.Infrastructure;

namespace Mosaic.Connectors.Tests.GitHub;

/// <summary>One Sandbox and one GitHub connector process (wired to it by --print-env) for a test class.</summary>
public sealed class GitHubFixture : IAsyncLifetime
{
    public SandboxFixture Sandbox { get; } = new();

    public ConnectorProcess Connector { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Sandbox.InitializeAsync();
        Connector = await ConnectorProcess.StartAsync("GitHub", Sandbox.EnvFor("github"));
    }

    public async Task DisposeAsync()
    {
        if (Connector is not null)
            await Connector.DisposeAsync();
        await Sandbox.DisposeAsync();
    }

    public Task<ToolCallResult> CallAsync(string tool, object? args = null) => Connector.CallAsync(tool, args);

    /// <summary>Follows next_cursor until the listing ends; returns every item and how many calls it took.</summary>
    public async Task<(List<JsonElement> Items, int Calls)> AllPagesAsync(string tool, string itemsName, Dictionary<string, object?> args)
    {
        var items = new List<JsonElement>();
        var calls = 0;
        string? cursor = null;
        do
        {
            var page = new Dictionary<string, object?>(args) { ["cursor"] = cursor };
            var result = (await CallAsync(tool, page)).Ok();
            items.AddRange(result.GetProperty(itemsName).EnumerateArray());
            cursor = result.TryGetProperty("next_cursor", out var next) ? next.GetString() : null;
            Assert.True(++calls < 50, "paging did not end");
        } while (cursor is not null);
        return (items, calls);
    }
}

internal static class Json
{
    public static string Str(this JsonElement e, string name) => e.GetProperty(name).GetString() ?? "";

    public static int Int(this JsonElement e, string name) => e.GetProperty(name).GetInt32();

    public static string[] Strings(this JsonElement e, string name) =>
        [.. e.GetProperty(name).EnumerateArray().Select(x => x.GetString() ?? "")];

    public static List<JsonElement> Items(this JsonElement e, string name) => [.. e.GetProperty(name).EnumerateArray()];
}
