using System.ComponentModel;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Mosaic.Connectors.Common.Paging;
using Mosaic.Connectors.Common.Results;

namespace Mosaic.Connectors.S3.Tools;

[McpServerToolType]
public sealed class S3Tools(S3Api s3)
{
    [McpServerTool(Name = "list_buckets", ReadOnly = true, Idempotent = true, OpenWorld = true)]
    [Description("List the S3 buckets these credentials can see, with creation dates.")]
    public async Task<CallToolResult> ListBuckets(
        [Description("Return buckets after this cursor (the next_cursor of a previous call).")] string? cursor = null,
        [Description("Maximum buckets to return (default 50, max 500).")] int? limit = null,
        CancellationToken cancellationToken = default)
    {
        var scope = Cursor.Scope("buckets");
        var offset = Cursor.DecodeOffset(cursor, scope);
        var take = Paging.Limit(limit, 50, 500);
        var response = await s3.CallAsync(c => c.ListBucketsAsync(cancellationToken));
        var all = (response.Buckets ?? []).OrderBy(b => b.BucketName, StringComparer.Ordinal).ToList();
        var page = all.Skip(offset).Take(take).Select(b => new BucketInfo(b.BucketName, b.CreationDate)).ToList();
        return ToolResults.List(page, new ListShape<BucketInfo>
        {
            ItemsName = "buckets",
            TypeInfo = S3Json.Default.BucketInfo,
            Total = all.Count,
            Offset = offset,
            NextCursor = kept => Cursor.EncodeOffset(scope, offset + kept),
        }, $"{all.Count} bucket(s); showing {page.Count} from #{offset + 1}");
    }
}
