using System.ComponentModel;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.Options;
using Mosaic.Connectors.Common.Results;

namespace Mosaic.Server.Connectors.Hub;

/// <summary>
/// The three caches (docs/architecture.md#caching) on HybridCache: tool lists 300 s, read-only results 30 s, schema-like
/// results 600 s. Every key and tag starts with the user id, so nothing cached for one user is ever
/// served to another. Entries are plain records, so a Redis L2 (REDIS_URL) can hold them unchanged.
/// Errors, tools that are not read-only (as <see cref="ToolTrust"/> decided) and <see cref="IsLiveTool"/> are never cached.
/// </summary>
internal sealed class McpHubCache(HybridCache cache, IOptions<McpHubOptions> options)
{
    /// <summary>The server's own descriptions; <see cref="ToolTrust"/> judges them after every read.</summary>
    public async ValueTask<IReadOnlyList<DeclaredTool>> GetToolsAsync(
        SessionKey key,
        Func<CancellationToken, ValueTask<IReadOnlyList<DeclaredTool>>> load,
        CancellationToken ct
    ) =>
        (
            await cache.GetOrCreateAsync(
                ToolsKey(key),
                InCallersTrace(async t => new DeclaredTools(await load(t))),
                Entry(options.Value.ToolListCacheTtl),
                [Tag(key)],
                ct
            )
        ).Tools;

    /// <summary>The server said its tools changed (notifications/tools/list_changed).</summary>
    public ValueTask ForgetToolsAsync(SessionKey key) => cache.RemoveAsync(ToolsKey(key));

    static string ToolsKey(SessionKey key) => $"mcp:tools:{Escape(key.UserId)}:{key.Datasource}";

    /// <summary>
    /// Returns the cached result or runs <paramref name="call"/>; only successful results are stored.
    /// </summary>
    public async Task<(CachedToolResult Result, bool FromCache)> GetResultAsync(
        SessionKey key,
        string tool,
        IReadOnlyDictionary<string, JsonElement>? arguments,
        Func<CancellationToken, Task<CachedToolResult>> call,
        CancellationToken ct
    )
    {
        var ran = false;
        try
        {
            var result = await cache.GetOrCreateAsync(
                ResultKey(key, tool, arguments),
                InCallersTrace(async token =>
                {
                    ran = true;
                    var r = await call(token);
                    // Throwing keeps an error out of the cache; it is unwrapped below.
                    return r.IsError ? throw new UncacheableResult(r) : r;
                }),
                Entry(IsSchemaTool(tool) ? options.Value.SchemaCacheTtl : options.Value.ResultCacheTtl),
                [Tag(key)],
                ct
            );
            return (result, !ran);
        }
        catch (UncacheableResult u)
        {
            return (u.Result, false);
        }
    }

    /// <summary>
    /// HybridCache runs a miss's factory outside the caller's execution context, so the caller's span (the tool call) is
    /// carried in by hand: the connector's request, and the traceparent in its <c>_meta</c>, stay in the caller's trace.
    /// </summary>
    static Func<CancellationToken, ValueTask<T>> InCallersTrace<T>(Func<CancellationToken, ValueTask<T>> load)
    {
        var caller = Activity.Current;
        return async token =>
        {
            Activity.Current = caller; // an async lambda: undone when it returns
            return await load(token);
        };
    }

    /// <summary>Drops everything cached for this user and source (credentials changed or deleted).</summary>
    public ValueTask ForgetAsync(SessionKey key, CancellationToken ct = default) => cache.RemoveByTagAsync(Tag(key), ct);

    /// <summary>
    /// Schema-like tools get the longer TTL: names starting with <c>describe_</c> or <c>get_schema</c>,
    /// ending in <c>_schema</c>, or <c>list_tables</c> / <c>list_schemas</c> / <c>list_databases</c>.
    /// Table structure changes far less often than the data in it.
    /// </summary>
    public static bool IsSchemaTool(string tool) =>
        tool.StartsWith("describe_", StringComparison.Ordinal)
        || tool.StartsWith("get_schema", StringComparison.Ordinal)
        || tool.EndsWith("_schema", StringComparison.Ordinal)
        || tool is "list_tables" or "list_schemas" or "list_databases";

    /// <summary>
    /// Tools whose result is never cached, even read-only: <c>whoami</c> is a connection test, and a test must reach the
    /// source (a token revoked a moment ago must fail, not pass from the cache).
    /// </summary>
    public static bool IsLiveTool(string tool) => tool == Whoami.ToolName;

    /// <summary>Same arguments in any property order give the same key.</summary>
    internal static string ResultKey(SessionKey key, string tool, IReadOnlyDictionary<string, JsonElement>? arguments)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var (name, value) in (arguments ?? new Dictionary<string, JsonElement>()).OrderBy(a => a.Key, StringComparer.Ordinal))
            {
                writer.WritePropertyName(name);
                WriteCanonical(writer, value);
            }
            writer.WriteEndObject();
        }
        var hash = Convert.ToHexString(SHA256.HashData([.. Encoding.UTF8.GetBytes($"{tool}\0"), .. buffer.ToArray()]));
        return $"mcp:result:{Escape(key.UserId)}:{key.Datasource}:{hash}";
    }

    static void WriteCanonical(Utf8JsonWriter writer, JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (var p in value.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal))
                {
                    writer.WritePropertyName(p.Name);
                    WriteCanonical(writer, p.Value);
                }
                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in value.EnumerateArray())
                    WriteCanonical(writer, item);
                writer.WriteEndArray();
                break;
            default:
                value.WriteTo(writer);
                break;
        }
    }

    static string Tag(SessionKey key) => $"mcp:{Escape(key.UserId)}:{key.Datasource}";

    // User ids are opaque; keep a ':' in one from shifting the key's other parts.
    static string Escape(string value) => value.Replace("%", "%25").Replace(":", "%3A");

    static HybridCacheEntryOptions Entry(TimeSpan ttl) => new() { Expiration = ttl, LocalCacheExpiration = ttl };

    sealed class UncacheableResult(CachedToolResult result) : Exception
    {
        public CachedToolResult Result { get; } = result;
    }
}

/// <summary>
/// A source's tool list as the cache keeps it. Sealed and immutable, so HybridCache hands every caller the instance it
/// holds in memory instead of deserializing the list (schemas and all) on each hit.
/// </summary>
[ImmutableObject(true)]
public sealed class DeclaredTools(IReadOnlyList<DeclaredTool> tools)
{
    public IReadOnlyList<DeclaredTool> Tools { get; } = tools;
}

/// <summary>What is stored for a tool result (serializable for a distributed cache). Immutable (a hit is the kept
/// instance, not a copy deserialized again); <see cref="Structured"/> is a clone nobody can change.</summary>
[ImmutableObject(true)]
public sealed record CachedToolResult(bool IsError, string Text, JsonElement? Structured)
{
    /// <summary>The error result says the service refused the credentials (<c>_meta {"mosaic/auth": "rejected"}</c>).</summary>
    public bool AuthRejected { get; init; }
}
