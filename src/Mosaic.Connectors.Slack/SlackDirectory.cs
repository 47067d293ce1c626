using System.Text.Json;
using System.Text.RegularExpressions;
using Mosaic.Connectors.Common.Errors;
using static Mosaic.Connectors.Slack.SlackClient;

namespace Mosaic.Connectors.Slack;

/// <summary>
/// Cached lookups every tool needs: user id → name (to make messages readable), channel #name → id, and
/// the workspace URL (for permalinks). Refreshed after five minutes, or at once when a name is not found.
/// </summary>
public sealed partial class SlackDirectory(SlackClient api)
{
    private static readonly TimeSpan Ttl = TimeSpan.FromMinutes(5);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private Dictionary<string, string>? _users;
    private Dictionary<string, (string Id, string Name)>? _channels;
    private DateTimeOffset _usersAt,
        _channelsAt;
    private string? _workspaceUrl;

    public sealed record ChannelRef(string Id, string? Name);

    public async Task<Func<string, string?>> UserNamesAsync(CancellationToken ct)
    {
        var users = await LoadAsync(() => _users, _usersAt, LoadUsersAsync, ct);
        return id => users.GetValueOrDefault(id);
    }

    public async Task<string> WorkspaceUrlAsync(CancellationToken ct) =>
        _workspaceUrl ??= (await api.ReadAsync("auth.test", [], ct)).GetProperty("url").GetString() ?? "https://slack.com/";

    /// <summary>Accepts "#name", "name" or an id (C…, G…, D…).</summary>
    public async Task<ChannelRef> ResolveChannelAsync(string channel, CancellationToken ct)
    {
        var value = channel.Trim();
        if (value.Length == 0)
            throw new ToolInputException("channel is required: a #name or an id such as C0123ABCD (call list_channels).");
        var byName = !value.StartsWith('#') && ChannelId().IsMatch(value) ? null : value.TrimStart('#').ToLowerInvariant();
        var channels = await LoadAsync(() => _channels, _channelsAt, LoadChannelsAsync, ct);
        if (byName is null)
            return new ChannelRef(value, channels.Values.FirstOrDefault(c => c.Id == value).Name);
        if (!channels.ContainsKey(byName))
        {
            _channelsAt = default; // it may have been created since the cache was filled
            channels = await LoadAsync(() => _channels, _channelsAt, LoadChannelsAsync, ct);
        }
        return channels.TryGetValue(byName, out var found)
            ? new ChannelRef(found.Id, found.Name)
            : throw new ToolInputException(
                $"No channel named #{byName} is visible to these Slack credentials. Call list_channels to see the available ones "
                    + $"(private channels need the app or user to be a member)."
            );
    }

    private async Task<T> LoadAsync<T>(Func<T?> current, DateTimeOffset at, Func<CancellationToken, Task<T>> load, CancellationToken ct)
        where T : class
    {
        if (current() is { } fresh && DateTimeOffset.UtcNow - at < Ttl)
            return fresh;
        await _gate.WaitAsync(ct);
        try
        {
            return current() is { } again && DateTimeOffset.UtcNow - at < Ttl ? again : await load(ct);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<Dictionary<string, string>> LoadUsersAsync(CancellationToken ct)
    {
        var users = new Dictionary<string, string>();
        await foreach (var u in AllPagesAsync("users.list", "members", [], ct))
        {
            var name =
                u.TryGetProperty("real_name", out var rn) && rn.GetString() is { Length: > 0 } real
                    ? real
                    : u.GetProperty("name").GetString();
            users[u.GetProperty("id").GetString()!] = name ?? "";
        }
        (_users, _usersAt) = (users, DateTimeOffset.UtcNow);
        return users;
    }

    private async Task<Dictionary<string, (string Id, string Name)>> LoadChannelsAsync(CancellationToken ct)
    {
        var channels = new Dictionary<string, (string Id, string Name)>();
        await foreach (
            var c in AllPagesAsync(
                "conversations.list",
                "channels",
                [Arg("types", "public_channel,private_channel"), Arg("exclude_archived", "true")],
                ct
            )
        )
        {
            var name = c.GetProperty("name").GetString()!;
            channels[name.ToLowerInvariant()] = (c.GetProperty("id").GetString()!, name);
        }
        (_channels, _channelsAt) = (channels, DateTimeOffset.UtcNow);
        return channels;
    }

    private async IAsyncEnumerable<JsonElement> AllPagesAsync(
        string method,
        string items,
        KeyValuePair<string, string?>[] args,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct
    )
    {
        string? cursor = null;
        // A bounded walk: 20 pages of 200 covers any workspace a person asks questions about.
        for (var page = 0; page < 20; page++)
        {
            var body = await api.ReadAsync(method, [.. args, Arg("limit", "200"), Arg("cursor", cursor)], ct);
            foreach (var item in body.GetProperty(items).EnumerateArray())
                yield return item;
            cursor = NextCursor(body);
            if (cursor is null)
                yield break;
        }
    }

    public static string? NextCursor(JsonElement body) =>
        body.TryGetProperty("response_metadata", out var meta)
        && meta.TryGetProperty("next_cursor", out var c)
        && c.GetString() is { Length: > 0 } next
            ? next
            : null;

    [GeneratedRegex("^[CGD][A-Z0-9]{6,}$")]
    private static partial Regex ChannelId();
}
