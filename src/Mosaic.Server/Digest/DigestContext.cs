using System.Text.Json;
using Mosaic.Connectors.Common.Results;
using Mosaic.Server.Connectors;
using Mosaic.Server.Connectors.Hub;

namespace Mosaic.Server.Digest;

/// <summary>
/// One digest run's reader of sources: who asks, the window, and the call of each source's <c>whats_new</c> tool
/// (the contract is in docs/connectors.md). What a source's tools return stays private to its connector.
/// </summary>
/// <param name="accounts">Per source id, the user's handle there as a connection test found it (<c>whoami</c>'s account).</param>
public sealed class DigestContext(
    IMcpHub hub,
    string userId,
    string? userName,
    string email,
    DateTimeOffset since,
    DateTimeOffset now,
    IReadOnlyDictionary<string, string>? accounts = null
)
{
    /// <summary>The most items one source may add to a digest (the tool's own maximum).</summary>
    public const int MaxItemsPerSource = WhatsNewWindow.MaxLimit;

    public DateTimeOffset Since { get; } = since;
    public DateTimeOffset Now { get; } = now;

    /// <summary>Lower-case words that identify the user in mentions and reviewer lists (first name, e-mail name).</summary>
    public IReadOnlyList<string> Me { get; } =
        new[] { userName?.Split(' ')[0], email.Split('@')[0] }
            .Where(n => n is { Length: >= 3 })
            .Select(n => n!.ToLowerInvariant())
            .Distinct()
            .ToList();

    /// <summary>
    /// The words for one source: the account its credentials act as first (a GitHub login unlike the person's name still
    /// finds "review requested from you"), then <see cref="Me"/>. A handle with a comma cannot be one word of the list.
    /// </summary>
    public IReadOnlyList<string> MeFor(string source) =>
        accounts?.GetValueOrDefault(source)?.Trim().ToLowerInvariant() is { Length: >= 3 } account && !account.Contains(',')
            ? [account, .. Me.Where(m => m != account)]
            : Me;

    /// <summary>
    /// Whether a source can join What You Missed at all: every built-in connector offers <c>whats_new</c>; a custom
    /// source only when connectors.json vouches for it in read_only_tools (whether a tool is read-only is
    /// <see cref="ToolTrust"/>'s call; an unvouched one might write).
    /// </summary>
    public static bool MayJoin(SourceDefinition source) =>
        source.IsBuiltIn || source.ReadOnlyTools.Contains(WhatsNew.ToolName, StringComparer.Ordinal);

    /// <summary>The source's items since the window began. A failure to read it is a <see cref="DigestSourceException"/>
    /// (or the hub's <see cref="McpHubException"/>) with a message a person can act on.</summary>
    public async Task<List<DigestItem>> CollectAsync(SourceDefinition source, CancellationToken ct)
    {
        var tools = await hub.ListToolsAsync(userId, source.Id, ct);
        if (tools.FirstOrDefault(t => t.Name == WhatsNew.ToolName) is not { ReadOnly: true })
            throw new DigestSourceException($"{source.Name} offers no read-only {WhatsNew.ToolName} tool.");
        var arguments = new Dictionary<string, JsonElement>
        {
            ["since"] = JsonSerializer.SerializeToElement(WhatsNewWindow.Iso(Since)),
            ["now"] = JsonSerializer.SerializeToElement(WhatsNewWindow.Iso(Now)),
            ["limit"] = JsonSerializer.SerializeToElement(MaxItemsPerSource),
        };
        if (MeFor(source.Id) is { Count: > 0 } me)
            arguments["me"] = JsonSerializer.SerializeToElement(string.Join(',', me));
        var result = await hub.CallToolAsync(userId, source.Id, WhatsNew.ToolName, arguments, ct);
        if (result.IsError)
            throw new DigestSourceException($"{WhatsNew.ToolName}: {TextClip.Clip(result.Text, 300)}");
        var structured = result.Structured
            ?? TryParse(result.Text)
            ?? throw new DigestSourceException($"{WhatsNew.ToolName} returned no structured result.");
        return DigestItems.From(structured, source.Id, anyLink: source.IsBuiltIn);
    }

    /// <summary>A server that sends its JSON only as text (no structuredContent) is read from that.</summary>
    private static JsonElement? TryParse(string text)
    {
        try
        {
            using var doc = JsonDocument.Parse(text);
            return doc.RootElement.ValueKind == JsonValueKind.Object ? doc.RootElement.Clone() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

public sealed class DigestSourceException(string message) : Exception(message);
