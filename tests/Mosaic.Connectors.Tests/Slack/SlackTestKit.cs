using System.Text.Json;
using Mosaic.Connectors.Tests.Infrastructure;

namespace Mosaic.Connectors.Tests.Slack;

public static class SlackTestKit
{
    /// <summary>The Sandbox's Slack environment with only the bot token (no user token).</summary>
    public static IReadOnlyDictionary<string, string> BotOnly(SandboxFixture sandbox) =>
        sandbox.EnvFor("slack").Where(e => e.Key != "SLACK_USER_TOKEN").ToDictionary();

    /// <summary>Follows next_cursor until the listing ends, returning every item and how many pages it took.</summary>
    public static async Task<(List<JsonElement> Items, int Pages)> AllPagesAsync(
        ConnectorProcess connector,
        string tool,
        string itemsName,
        Dictionary<string, object?> args,
        int maxPages = 20
    )
    {
        var items = new List<JsonElement>();
        string? cursor = null;
        for (var page = 1; page <= maxPages; page++)
        {
            var data = (await connector.CallAsync(tool, new Dictionary<string, object?>(args) { ["cursor"] = cursor })).Ok();
            items.AddRange(data.GetProperty(itemsName).EnumerateArray());
            cursor = data.TryGetProperty("next_cursor", out var next) ? next.GetString() : null;
            if (cursor is null)
                return (items, page);
        }
        throw new Xunit.Sdk.XunitException($"{tool} still had a next_cursor after {maxPages} pages");
    }

    public static string S(this JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String
            ? v.GetString()!
            : throw new Xunit.Sdk.XunitException($"no string '{name}' in {e}");
}
