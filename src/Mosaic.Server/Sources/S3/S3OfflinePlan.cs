using System.Text.RegularExpressions;
using static Mosaic.Server.Sources.QuestionShapes;
using F = Mosaic.Server.Sources.ToolOutput;

namespace Mosaic.Server.Sources.S3;

/// <summary>
/// S3's Offline plans: the buckets, the files of a named (or the first) bucket, objects by name or content across
/// buckets; anything else lists the buckets (the fallback).
/// </summary>
internal static partial class S3OfflinePlan
{
    public static async Task<PlannedCall> PlanAsync(OfflineQuestion q, CancellationToken ct)
    {
        // "acme-finance/sales/q4-sales-forecast.csv": one object, read.
        if (ObjectPath().Match(q.Query) is { Success: true } path)
            return new(
                "get_object",
                new Dictionary<string, object?> { ["bucket"] = path.Groups["b"].Value, ["key"] = path.Groups["k"].Value }
            )
            {
                Answer = new() { Searched = $"s3://{path.Groups["b"].Value}/{path.Groups["k"].Value}" },
            };
        var named = S3Source.BucketName().Match(q.Query) is { Success: true } b ? b.Groups["b"].Value : null;
        var wanted = Wanted(q);
        if (wanted is not null)
        {
            IReadOnlyList<string> buckets = named is not null ? [named] : await BucketsAsync(q, ct);
            return await SearchAsync(q, buckets, wanted.Value, ct);
        }
        if (FirstBucket().IsMatch(q.Lower) && (await BucketsAsync(q, ct)).FirstOrDefault() is { } first)
            return Objects(first, "your first bucket, ");
        if (named is not null)
            return Objects(named, "");
        return new("list_buckets")
        {
            Fallback = !BucketsWord().IsMatch(q.Lower),
            Answer = new()
            {
                Searched = "the S3 buckets these credentials can see",
                Lead = o =>
                    o.Items.Count == 0
                        ? null
                        : $"You have {Counted(o, "bucket", "buckets")}: {Join(o.Items.Select(i => F.Field(i, "name") ?? ""))}.",
            },
        };
    }

    private static PlannedCall Objects(string bucket, string which) =>
        new("list_objects", new Dictionary<string, object?> { ["bucket"] = bucket })
        {
            Answer = new()
            {
                Searched = $"the objects in {bucket}",
                Lead = o => o.Items.Count == 0 ? null : $"{bucket}, {which}holds {Counted(o, "object", "objects")}.",
            },
        };

    /// <summary>
    /// Objects whose name (or text) matches, in the bucket that has them: search_objects reads one bucket, so the plan
    /// searches each first and plans the call for the one with the most matches (the first bucket when none has any, which
    /// then answers "nothing found" naming every bucket searched).
    /// </summary>
    private static async Task<PlannedCall> SearchAsync(
        OfflineQuestion q,
        IReadOnlyList<string> buckets,
        Sought wanted,
        CancellationToken ct
    )
    {
        var key = wanted.ByContent ? "contains" : "pattern";
        Dictionary<string, object?> Arguments(string bucket) => new() { ["bucket"] = bucket, [key] = wanted.Text };
        var best = buckets.FirstOrDefault() ?? "";
        if (buckets.Count > 1)
        {
            var counts = await Task.WhenAll(
                buckets.Select(async bucket =>
                    (bucket, Count: Array(await PeekAsync(q, S3Source.Id, "search_objects", Arguments(bucket), ct), "matches").Count())
                )
            );
            best = counts.OrderByDescending(c => c.Count).Select(c => c.bucket).FirstOrDefault() ?? best;
        }
        var what = wanted.ByContent ? $"objects whose text contains “{wanted.Text}”" : $"object names containing “{wanted.Text}”";
        var where =
            buckets.Count == 0 ? ""
            : buckets.Count == 1 ? $" in {buckets[0]}"
            : $" in the buckets {Join(buckets)}";
        return new("search_objects", Arguments(best))
        {
            Label = $"search_objects bucket={best} {key}=\"{wanted.Text}\"",
            Answer = new()
            {
                Searched = what + where,
                Lead = o =>
                {
                    if (o.Items.Count == 0)
                        return null;
                    var one = (o.Total ?? o.Items.Count) == 1 && !o.HasMore;
                    var verb = (wanted.ByContent ? "mention" : "match") + (one ? (wanted.ByContent ? "s" : "es") : "");
                    return $"{Counted(o, "object", "objects")} in {best} {verb} “{wanted.Text}”: "
                        + $"{Join(o.Items.Take(5).Select(i => F.Field(i, "key") ?? ""))}.";
                },
            },
        };
    }

    private static async Task<IReadOnlyList<string>> BucketsAsync(OfflineQuestion q, CancellationToken ct) =>
        [
            .. Array(await PeekAsync(q, S3Source.Id, "list_buckets", new Dictionary<string, object?>(), ct), "buckets")
                .Select(b => F.Field(b, "name"))
                .OfType<string>(),
        ];

    private readonly record struct Sought(string Text, bool ByContent);

    /// <summary>
    /// What the question looks for: a name ("objects named "invoice"", "find q4-sales-forecast.csv") or text ("files that
    /// mention refund"); null when it looks for nothing in particular.
    /// </summary>
    private static Sought? Wanted(OfflineQuestion q)
    {
        if (Mentioning().Match(q.Query) is { Success: true } m && (Quoted(q.Query) ?? First(m.Groups["t"].Value)) is { } text)
            return new(text, ByContent: true);
        if (Quoted(q.Query) is { } quoted)
            return new(quoted, ByContent: false);
        if (NamedLike().Match(q.Query) is { Success: true } n && First(n.Groups["t"].Value) is { } name)
            return new(name, ByContent: false);
        if (FileName().Match(q.Query) is { Success: true } file)
            return new(file.Value, ByContent: false);
        if (Find().IsMatch(q.Lower) && q.Keywords.FirstOrDefault(w => !Noise().IsMatch(w)) is { } word)
            return new(word, ByContent: false);
        return null;
    }

    /// <summary>The first distinctive word of a phrase: a name search matches the key as written, and words are rarely adjacent.</summary>
    private static string? First(string phrase) => SourceKeywords.Of(phrase).FirstOrDefault(w => !Noise().IsMatch(w));

    [GeneratedRegex(@"\b(?:mentions?|mentioning|contains?|containing|says?|about)\s+(?<t>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex Mentioning();

    [GeneratedRegex(@"\b(?:named|called|titled)\s+(?<t>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex NamedLike();

    [GeneratedRegex(@"\b[\w\-]+\.(?:csv|json|pdf|png|jpg|md|txt|parquet|zip|gz|log)\b", RegexOptions.IgnoreCase)]
    private static partial Regex FileName();

    /// <summary>"acme-finance/sales/q4-sales-forecast.csv", "s3://acme-finance/x.csv": a bucket, then a key with an extension.</summary>
    [GeneratedRegex(@"(?:s3://|(?<=^|\s))(?<b>[a-z0-9][a-z0-9.\-]{2,62})/(?<k>[\w\-./]+\.[A-Za-z0-9]{1,8})\b")]
    private static partial Regex ObjectPath();

    [GeneratedRegex(@"\b(find|search|look for|where is|where's)\b")]
    private static partial Regex Find();

    // Words that say what kind of thing is wanted, not which.
    [GeneratedRegex(@"^(objects?|files?|buckets?|keys?|named|called|s3|folders?)$")]
    private static partial Regex Noise();

    [GeneratedRegex(@"\bfirst\s+bucket\b")]
    private static partial Regex FirstBucket();

    [GeneratedRegex(@"\bbuckets\b")]
    private static partial Regex BucketsWord();
}
