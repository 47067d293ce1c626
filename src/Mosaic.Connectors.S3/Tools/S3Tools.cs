using System.ComponentModel;
using System.Text.Json.Nodes;
using Amazon.S3.Model;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Mosaic.Connectors.Common.Errors;
using Mosaic.Connectors.Common.Paging;
using Mosaic.Connectors.Common.Results;

namespace Mosaic.Connectors.S3.Tools;

[McpServerToolType]
public sealed partial class S3Tools(S3Api s3)
{
    [McpServerTool(Name = "list_buckets", ReadOnly = true, Idempotent = true, OpenWorld = true)]
    [Description("List the S3 buckets these credentials can see, with creation dates.")]
    public async Task<CallToolResult> ListBuckets(
        [Description("The next_cursor of a previous call, to get the next page.")] string? cursor = null,
        [Description("Maximum buckets to return (default 50, max 500).")] int? limit = null,
        CancellationToken cancellationToken = default
    )
    {
        var scope = Cursor.Scope("buckets");
        var offset = Cursor.DecodeOffset(cursor, scope);
        var take = Paging.Limit(limit, 50, 500);
        var response = await s3.CallAsync(c => c.ListBucketsAsync(cancellationToken));
        var all = (response.Buckets ?? []).OrderBy(b => b.BucketName, StringComparer.Ordinal).ToList();
        var page = all.Skip(offset).Take(take).Select(b => new BucketInfo(b.BucketName, b.CreationDate)).ToList();
        return ToolResults.List(
            page,
            new ListShape<BucketInfo>
            {
                ItemsName = "buckets",
                TypeInfo = S3Json.Default.BucketInfo,
                Total = all.Count,
                Offset = offset,
                NextCursor = kept => Cursor.EncodeOffset(scope, offset + kept),
            },
            $"{all.Count} bucket(s); showing {page.Count} from #{offset + 1}"
        );
    }

    [McpServerTool(Name = "list_objects", ReadOnly = true, Idempotent = true, OpenWorld = true)]
    [Description(
        "List objects in a bucket, optionally under a prefix. With delimiter '/' it lists one 'folder' level: "
            + "objects directly under the prefix plus the sub-prefixes ('folders')."
    )]
    public async Task<CallToolResult> ListObjects(
        [Description("Bucket name.")] string bucket,
        [Description("Only keys starting with this, e.g. 'reports/2025/'.")] string? prefix = null,
        [Description("Group keys by this separator (usually '/') to list one level at a time.")] string? delimiter = null,
        [Description("Continuation: the next_cursor of a previous call with the same bucket/prefix/delimiter.")] string? cursor = null,
        [Description("Maximum objects to return (default 100, max 1000).")] int? limit = null,
        CancellationToken cancellationToken = default
    )
    {
        RequireBucket(bucket);
        var scope = Cursor.Scope("objects", bucket, prefix, delimiter);
        var from = ListingCursor.Decode(cursor, scope);
        var take = Paging.Limit(limit, 100, 1000);
        var response = await s3.CallAsync(
            c =>
                c.ListObjectsV2Async(
                    new ListObjectsV2Request
                    {
                        BucketName = bucket,
                        Prefix = prefix,
                        Delimiter = delimiter,
                        MaxKeys = take,
                        ContinuationToken = from.ContinuationToken,
                        StartAfter = from.StartAfter,
                    },
                    cancellationToken
                ),
            $"'{bucket}'"
        );

        var objects = (response.S3Objects ?? []).Select(o => new ObjectInfo(o.Key, o.Size, o.LastModified, o.StorageClass?.Value)).ToList();
        var prefixes = new JsonArray((response.CommonPrefixes ?? []).Take(200).Select(p => (JsonNode)JsonValue.Create(p)!).ToArray());
        var more = response.IsTruncated == true;
        return ToolResults.List(
            objects,
            new ListShape<ObjectInfo>
            {
                ItemsName = "objects",
                TypeInfo = S3Json.Default.ObjectInfo,
                MoreUpstream = more,
                NextCursor = kept =>
                    kept < objects.Count ? ListingCursor.After(scope, objects[kept - 1].Key) // budget cut: resume after the last shown
                    : response.NextContinuationToken is { } token ? ListingCursor.Token(scope, token)
                    : null,
                Extra = new JsonObject
                {
                    ["bucket"] = bucket,
                    ["prefix"] = prefix,
                    ["prefixes"] = prefixes,
                },
            },
            $"{objects.Count} object(s){(prefixes.Count > 0 ? $" and {prefixes.Count} prefix(es)" : "")} in s3://{bucket}/{prefix}"
        );
    }

    private static void RequireBucket(string bucket)
    {
        if (string.IsNullOrWhiteSpace(bucket))
            throw new ToolInputException("bucket is required: call list_buckets to see the names.");
    }
}
