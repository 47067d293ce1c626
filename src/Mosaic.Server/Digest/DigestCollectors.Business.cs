using System.Globalization;
using System.Text.Json;
using static Mosaic.Server.Digest.DigestContext;

namespace Mosaic.Server.Digest;

public static partial class DigestCollectors
{
    /// <summary>
    /// Unread important mail since the window (actionable), and the meetings of the next 48 hours: those starting within
    /// a day (or under way) actionable. Both are measured from now, not by calendar day, so what is listed does not
    /// depend on the hour of the day (or on the time zone a calendar day would be taken in).
    /// </summary>
    private static async Task<List<DigestItem>> GoogleAsync(DigestContext c)
    {
        // Gmail reads after:YYYY/MM/DD as midnight in Pacific time; seconds since the epoch are exact.
        var mail = c.CallAsync("list_messages", new { query = $"is:unread is:important after:{c.Since.ToUnixTimeSeconds()}", limit = 20 });
        var events = c.CallAsync("get_events", new { time_min = Iso(c.Now), time_max = Iso(c.Now.AddHours(48)), limit = 50 });
        var items = Array(await mail, "messages").Select(m => new DigestItem($"gmail-{Str(m, "id")}",
            Str(m, "subject") ?? "(no subject)", Str(m, "link"), "google_workspace", "important_mail", true, "high", Str(m, "date"),
            Clip(Str(m, "snippet")), Str(m, "from"))).ToList();
        foreach (var e in Array(await events, "events"))
        {
            // All-day events carry a date: they count from that day's start (UTC).
            var soon = Time(e, "start") is not { } start || start <= c.Now.AddHours(24);
            var where = Str(e, "location") is { } l ? " · " + l : "";
            items.Add(new($"calendar-{Str(e, "id")}", Str(e, "summary") ?? "(untitled event)", Str(e, "link"), "google_workspace",
                soon ? "event_soon" : "event_later", soon, soon ? "medium" : "low", Str(e, "start"),
                $"{When(Time(e, "start"), c.Now)} · {Str(e, "start")}{where}", Str(e, "organizer")));
        }
        return items;
    }

    /// <summary>"Under way", "In 40 min", "In 3 h": how far a meeting is from now.</summary>
    internal static string When(DateTimeOffset? start, DateTimeOffset now)
    {
        if (start is not { } s) return "Upcoming";
        var ahead = s - now;
        if (ahead <= TimeSpan.Zero) return "Under way";
        return ahead < TimeSpan.FromHours(1) ? $"In {Math.Ceiling(ahead.TotalMinutes):0} min" : $"In {ahead.TotalHours:0} h";
    }

    /// <summary>New orders since the window (pending payment ones actionable), and active variants with low stock (actionable).</summary>
    private static async Task<List<DigestItem>> ShopifyAsync(DigestContext c)
    {
        var orders = c.CallAsync("list_orders", new { created_after = c.SinceIso, limit = 50 });
        var products = c.CallAsync("list_products", new { status = "active", limit = 50 });
        var items = Array(await orders, "orders").Select(o =>
        {
            var status = Str(o, "financial_status") ?? "";
            var pending = status.Contains("PENDING", StringComparison.OrdinalIgnoreCase) || status.Contains("AUTHORIZED", StringComparison.OrdinalIgnoreCase);
            return new DigestItem($"shopify-order-{Str(o, "name")}", $"Order {Str(o, "name")} · {Str(o, "total")} {Str(o, "currency")}", Str(o, "url"),
                "shopify", "new_order", pending, pending ? "medium" : "low", Str(o, "created_at"),
                $"{Str(o, "customer")} · {status} · {Str(o, "fulfillment_status")} · {Str(o, "items")}", Str(o, "customer"));
        }).ToList();
        foreach (var p in Array(await products, "products"))
            foreach (var v in Array(p, "variants").Where(v => v.TryGetProperty("inventory", out var n) && n.ValueKind == JsonValueKind.Number && n.GetInt32() <= 5))
                items.Add(new($"shopify-stock-{Str(v, "sku") ?? Str(p, "id") + Str(v, "title")}", $"Low stock: {Str(p, "title")} {Str(v, "title")} ({Str(v, "inventory")} left)",
                    Str(p, "url"), "shopify", "low_stock", true, Str(v, "inventory") == "0" ? "high" : "medium", null, $"SKU {Str(v, "sku")}"));
        return items;
    }

    /// <summary>Objects created or changed since the window, in every bucket (up to ten buckets).</summary>
    private static async Task<List<DigestItem>> S3Async(DigestContext c)
    {
        var buckets = Array(await c.CallAsync("list_buckets", new { limit = 10 }), "buckets").Select(b => Str(b, "name")!).ToList();
        var lists = await Task.WhenAll(buckets.Select(async b => (b, Array(await c.CallAsync("list_objects", new { bucket = b, limit = 500 }), "objects").ToList())));
        return lists.SelectMany(l => l.Item2.Where(o => Time(o, "last_modified") >= c.Since).Select(o => new DigestItem(
            $"s3-{l.b}/{Str(o, "key")}", $"{l.b}/{Str(o, "key")}", $"s3://{l.b}/{Str(o, "key")}", "s3", "new_object", false, "low",
            Str(o, "last_modified"), $"{Str(o, "size")} bytes"))).OrderByDescending(i => i.Timestamp).Take(30).ToList();
    }

    /// <summary>
    /// A database has no general notion of "new", so only a support_tickets table (when it exists) is read:
    /// tickets created or updated since the window, open high-priority ones actionable.
    /// </summary>
    private static async Task<List<DigestItem>> MySqlAsync(DigestContext c)
    {
        var tables = Array(await c.CallAsync("list_tables", new { name_like = "support_tickets" }), "tables").ToList();
        if (tables.Count == 0) return [];
        var since = c.Since.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        var rows = Array(await c.CallAsync("execute_query", new
        {
            sql = $"SELECT ticket_key, subject, status, priority, assignee, updated_at FROM support_tickets WHERE updated_at >= '{since}' ORDER BY updated_at DESC",
            limit = 30,
        }), "rows");
        // Rows come as arrays in the SELECT's column order.
        return rows.Select(row => row.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.String ? v.GetString() : v.ValueKind == JsonValueKind.Null ? null : v.GetRawText()).ToArray())
            .Where(r => r.Length >= 6).Select(r =>
        {
            var (key, subject, status, priority, assignee, updated) = (r[0], r[1], r[2], r[3], r[4], r[5]);
            var open = status is not null && !status.Equals("closed", StringComparison.OrdinalIgnoreCase) && !status.Equals("resolved", StringComparison.OrdinalIgnoreCase);
            var high = priority is not null && (priority.Equals("high", StringComparison.OrdinalIgnoreCase) || priority.Equals("urgent", StringComparison.OrdinalIgnoreCase));
            return new DigestItem($"mysql-{key}", $"{key} {subject}", null, "mysql", "support_ticket",
                open && high, high ? "high" : "low", updated, $"{status} · {priority} · {assignee ?? "unassigned"}");
        }).ToList();
    }
}
