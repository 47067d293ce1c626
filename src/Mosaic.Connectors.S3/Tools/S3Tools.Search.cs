using System.ComponentModel;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Amazon.S3.Model;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Mosaic.Connectors.Common.Paging;
using Mosaic.Connectors.Common.Results;

namespace Mosaic.Connectors.S3.Tools;

public sealed partial class S3Tools
{
    /// <summary>Keys looked at per call; a search over a huge bucket continues with the cursor.</summary>
    private const int MaxScan = 5_000;

    /// <summary>Only objects this small are opened for a content match, and only this many per call.</summary>
    private const int MaxContentBytes = 256 * 1024;
    private const int MaxContentReads = 50;

    [McpServerTool(Name = "search_objects", ReadOnly = true, Idempotent = true, OpenWorld = true)]
    [Description(
        "Find objects in a bucket by key prefix and name pattern, optionally only those whose text contains a phrase "
            + "(small text objects only). Scans up to 5000 keys per call; continue with next_cursor."
    )]
    public async Task<CallToolResult> SearchObjects(
        [Description("Bucket name.")] string bucket,
        [Description("Only keys starting with this, e.g. 'invoices/'.")] string? prefix = null,
        [Description(
            "Name pattern, case-insensitive, matched against the object's name or its whole key: '*' and '?' wildcards (e.g. "
                + "'*.csv', 'q?-2025*'); without wildcards it matches anywhere in the key."
        )]
            string? pattern = null,
        [Description("Only text objects (up to 256 KB) whose content contains this phrase, case-insensitive.")] string? contains = null,
        [Description("The next_cursor of a previous call with the same arguments.")] string? cursor = null,
        [Description("Maximum matches to return (default 50, max 200).")] int? limit = null,
        CancellationToken cancellationToken = default
    )
    {
        RequireBucket(bucket);
        var scope = Cursor.Scope("search", bucket, prefix, pattern, contains);
        var from = ListingCursor.Decode(cursor, scope);
        var take = Paging.Limit(limit, 50, 200);
        var matcher = Glob(pattern);
        var matches = new List<ObjectMatch>();
        string? token = from.ContinuationToken,
            startAfter = from.StartAfter,
            lastScanned = null;
        int scanned = 0,
            reads = 0;
        var exhausted = false;
        while (matches.Count < take && scanned < MaxScan && reads < MaxContentReads)
        {
            var page = await s3.CallAsync(
                c =>
                    c.ListObjectsV2Async(
                        new ListObjectsV2Request
                        {
                            BucketName = bucket,
                            Prefix = prefix,
                            ContinuationToken = token,
                            StartAfter = token is null ? startAfter : null,
                            MaxKeys = Math.Min(1000, MaxScan - scanned),
                        },
                        cancellationToken
                    ),
                $"'{bucket}'"
            );
            var stoppedEarly = false;
            foreach (var o in page.S3Objects ?? [])
            {
                if (matches.Count >= take || reads >= MaxContentReads)
                {
                    stoppedEarly = true;
                    break;
                }
                scanned++;
                lastScanned = o.Key;
                if (matcher is not null && !matcher.IsMatch(o.Key) && !matcher.IsMatch(o.Key[(o.Key.LastIndexOf('/') + 1)..]))
                    continue;
                string? snippet = null;
                if (contains is not null)
                {
                    if (o.Size is null or > MaxContentBytes || ContentKind.FromHeaders(null, o.Key) == false)
                        continue;
                    reads++;
                    snippet = await FindInObjectAsync(bucket, o.Key, o.Size ?? 0, contains, cancellationToken);
                    if (snippet is null)
                        continue;
                }
                matches.Add(new ObjectMatch(o.Key, o.Size, o.LastModified, snippet));
            }
            if (page.IsTruncated != true)
            {
                exhausted = !stoppedEarly;
                break;
            }
            if (stoppedEarly)
                break;
            token = page.NextContinuationToken;
        }

        var resumeAfter = lastScanned;
        return ToolResults.List(
            matches,
            new ListShape<ObjectMatch>
            {
                ItemsName = "matches",
                TypeInfo = S3Json.Default.ObjectMatch,
                MoreUpstream = !exhausted,
                // A budget cut resumes after the last match shown; otherwise after the last key scanned.
                NextCursor = kept =>
                    kept < matches.Count ? ListingCursor.After(scope, matches[kept - 1].Key)
                    : resumeAfter is null ? null
                    : ListingCursor.After(scope, resumeAfter),
                Extra = new JsonObject
                {
                    ["bucket"] = bucket,
                    ["scanned"] = scanned,
                    ["content_reads"] = reads,
                },
            },
            $"{matches.Count} match(es) after scanning {scanned} key(s) in s3://{bucket}/{prefix}"
        );
    }

    private async Task<string?> FindInObjectAsync(string bucket, string key, long size, string phrase, CancellationToken cancellationToken)
    {
        if (size == 0)
            return null;
        var bytes = await ReadRangeAsync(bucket, key, 0, size - 1, cancellationToken);
        if (!ContentKind.LooksLikeText(bytes))
            return null;
        var text = ContentKind.Decode(bytes, bytes.Length);
        var at = text.IndexOf(phrase, StringComparison.OrdinalIgnoreCase);
        if (at < 0)
            return null;
        var from = Math.Max(0, at - 60);
        var to = Math.Min(text.Length, at + phrase.Length + 60);
        return (from > 0 ? "…" : "") + text[from..to].ReplaceLineEndings(" ") + (to < text.Length ? "…" : "");
    }

    private static Regex? Glob(string? pattern)
    {
        if (string.IsNullOrEmpty(pattern))
            return null;
        if (!pattern.Contains('*') && !pattern.Contains('?'))
            pattern = $"*{pattern}*";
        var regex = "^" + Regex.Escape(pattern).Replace(@"\*", ".*").Replace(@"\?", ".") + "$";
        return new Regex(regex, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline, TimeSpan.FromSeconds(1));
    }
}
