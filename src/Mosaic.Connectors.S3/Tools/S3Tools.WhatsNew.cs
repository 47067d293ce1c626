using System.ComponentModel;
using Amazon.S3.Model;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Mosaic.Connectors.Common.Results;

namespace Mosaic.Connectors.S3.Tools;

public sealed partial class S3Tools
{
    // A bulk upload should not bury everything else in a digest.
    private const int MaxNewObjects = 30;

    [McpServerTool(Name = WhatsNew.ToolName, ReadOnly = true, Idempotent = true, OpenWorld = true)]
    [Description(
        "What is new in S3 since a time: objects created or changed, newest first, across the first ten buckets "
            + "(the first 500 keys of each)."
    )]
    public async Task<CallToolResult> WhatsNewAsync(
        [Description(WhatsNewWindow.SinceHelp)] string since,
        [Description(WhatsNewWindow.LimitHelp)] int? limit = null,
        [Description(WhatsNewWindow.MeHelp)] string? me = null,
        [Description(WhatsNewWindow.NowHelp)] string? now = null,
        CancellationToken cancellationToken = default
    )
    {
        var window = WhatsNewWindow.From(since, limit, me, now);
        var response = await s3.CallAsync(c => c.ListBucketsAsync(cancellationToken));
        var buckets = (response.Buckets ?? []).Select(b => b.BucketName).Order(StringComparer.Ordinal).Take(10).ToList();
        var lists = await Task.WhenAll(
            buckets.Select(async bucket =>
                (
                    bucket,
                    (
                        await s3.CallAsync(
                            c => c.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket, MaxKeys = 500 }, cancellationToken),
                            $"'{bucket}'"
                        )
                    ).S3Objects
                        ?? []
                )
            )
        );
        var items = lists
            .SelectMany(l =>
                l.Item2.Where(o => o.LastModified is not null)
                    .Select(o => (l.bucket, Object: o, At: Utc(o.LastModified!.Value)))
                    .Where(x => x.At >= window.Since)
            )
            .OrderByDescending(x => x.At)
            .Take(MaxNewObjects)
            .Select(x => new WhatsNewItem(
                $"s3-{x.bucket}/{x.Object.Key}",
                "new_object",
                $"{x.bucket}/{x.Object.Key}",
                $"{x.Object.Size} bytes",
                $"s3://{x.bucket}/{x.Object.Key}",
                null,
                WhatsNewWindow.Iso(x.At),
                false,
                "low"
            ))
            .ToList();
        return WhatsNew.Result(items, window, "S3");
    }

    /// <summary>The SDK's time as UTC; one without a zone is taken as UTC, as the store sends it.</summary>
    private static DateTimeOffset Utc(DateTime t) =>
        new(t.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(t, DateTimeKind.Utc) : t.ToUniversalTime());
}
