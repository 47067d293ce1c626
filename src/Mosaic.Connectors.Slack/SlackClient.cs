using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Mosaic.Connectors.Common.Http;

namespace Mosaic.Connectors.Slack;

/// <summary>
/// A thin Slack Web API client. Reads go out as GET (so the resilience handler may retry them, honouring
/// Retry-After on 429); writes go out as POST and are never retried. Reads act as the person when a user
/// token is set (they see their own private channels and DMs), otherwise as the bot.
/// </summary>
public sealed class SlackClient(HttpClient http, SlackSettings settings)
{
    public bool HasUserToken => settings.UserToken is not null;

    /// <summary>Calls a read method; <paramref name="userTokenOnly"/> for methods Slack refuses to bots (search).</summary>
    public async Task<JsonElement> ReadAsync(
        string method,
        IEnumerable<KeyValuePair<string, string?>> args,
        CancellationToken ct,
        bool userTokenOnly = false
    )
    {
        var query = string.Join(
            "&",
            args.Where(a => !string.IsNullOrEmpty(a.Value)).Select(a => $"{Uri.EscapeDataString(a.Key)}={Uri.EscapeDataString(a.Value!)}")
        );
        using var request = new HttpRequestMessage(HttpMethod.Get, query.Length > 0 ? $"{method}?{query}" : method);
        var token = userTokenOnly ? settings.UserToken! : settings.UserToken ?? settings.BotToken;
        return await SendAsync(request, token, ct);
    }

    /// <summary>Calls a write method as the bot, with a JSON body.</summary>
    public async Task<JsonElement> WriteAsync(string method, JsonObject body, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, method)
        {
            Content = new StringContent(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json"),
        };
        return await SendAsync(request, settings.BotToken, ct);
    }

    private async Task<JsonElement> SendAsync(HttpRequestMessage request, string token, CancellationToken ct)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request, ct);
        await response.EnsureUpstreamSuccessAsync("Slack", ct);
        using var doc = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(ct), cancellationToken: ct);
        var root = doc.RootElement.Clone();
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("ok", out var ok) || !ok.GetBoolean())
            throw SlackErrors.From(root);
        return root;
    }

    public static KeyValuePair<string, string?> Arg(string name, string? value) => new(name, value);
}
