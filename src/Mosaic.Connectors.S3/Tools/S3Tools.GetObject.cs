using System.ComponentModel;
using System.Text.Json.Nodes;
using Amazon.S3.Model;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Mosaic.Connectors.Common.Errors;
using Mosaic.Connectors.Common.Results;

namespace Mosaic.Connectors.S3.Tools;

public sealed partial class S3Tools
{
    private const int DefaultTextBytes = 16_000;
    private const int MaxTextBytes = 100_000;
    private const int BinaryPreviewBytes = 256;

    [McpServerTool(Name = "get_object", ReadOnly = true, Idempotent = true, OpenWorld = true)]
    [Description(
        "Read an object. Checks its size and type first: text is returned up to max_bytes (ask for the next "
            + "range to continue); binary objects are described, not dumped (a byte range shows a short hex preview)."
    )]
    public async Task<CallToolResult> GetObject(
        [Description("Bucket name.")] string bucket,
        [Description("Object key, e.g. 'reports/2025/q1.csv'.")] string key,
        [Description("First byte to read (0-based). Default 0.")] long? range_start = null,
        [Description("Last byte to read (inclusive). Default: as much as max_bytes allows.")] long? range_end = null,
        [Description("Most bytes of text to return (default 16000, max 100000).")] int? max_bytes = null,
        CancellationToken cancellationToken = default
    )
    {
        RequireBucket(bucket);
        if (string.IsNullOrEmpty(key))
            throw new ToolInputException("key is required: call list_objects to see the keys.");
        var head = await s3.CallAsync(c => c.GetObjectMetadataAsync(bucket, key, cancellationToken), $"s3://{bucket}/{key}");
        var size = head.ContentLength;
        var start = range_start ?? 0;
        if (start < 0 || (size > 0 && start >= size) || range_end < start)
            throw new ToolInputException(
                $"The range is outside the object: it has {size} bytes (valid range_start 0–{Math.Max(0, size - 1)})."
            );
        var budget = Math.Clamp(max_bytes ?? DefaultTextBytes, 1, MaxTextBytes);
        var info = new JsonObject
        {
            ["bucket"] = bucket,
            ["key"] = key,
            ["size"] = size,
            ["content_type"] = head.Headers.ContentType,
            ["last_modified"] = head.LastModified?.ToUniversalTime().ToString("O"),
            ["etag"] = head.ETag,
        };

        var kind = ContentKind.FromHeaders(head.Headers.ContentType, key);
        if (kind == false && range_start is null && range_end is null)
            return Described(
                info,
                $"binary object ({head.Headers.ContentType}, {size} bytes): not shown. Pass range_start/range_end for a hex preview."
            );

        var wanted = kind == false ? BinaryPreviewBytes : budget;
        var end = Math.Min(range_end ?? long.MaxValue, Math.Min(start + wanted - 1, Math.Max(0, size - 1)));
        var bytes = size == 0 ? [] : await ReadRangeAsync(bucket, key, start, end, cancellationToken);
        if (kind is null)
            kind = ContentKind.LooksLikeText(bytes);
        if (kind == false)
        {
            var preview = bytes.AsSpan(0, Math.Min(bytes.Length, BinaryPreviewBytes));
            info["range"] = new JsonObject { ["start"] = start, ["end"] = start + preview.Length - 1 };
            info["hex_preview"] = Convert.ToHexString(preview);
            return Described(info, $"binary object ({head.Headers.ContentType}, {size} bytes): showing {preview.Length} bytes as hex.");
        }

        var text = ContentKind.Decode(bytes, bytes.Length);
        var textEnd = start + System.Text.Encoding.UTF8.GetByteCount(text) - 1;
        var truncated = textEnd < size - 1 && range_end is null || (range_end is { } re && textEnd < re);
        info["range"] = new JsonObject { ["start"] = start, ["end"] = Math.Max(start, textEnd) };
        info["text"] = text;
        info["truncated"] = truncated;
        if (truncated)
            info["next_range_start"] = textEnd + 1;
        var note = truncated ? $" (truncated: {size - textEnd - 1} more bytes; call again with range_start={textEnd + 1})" : "";
        return ToolResults.Object(
            info,
            $"s3://{bucket}/{key}: {size} bytes of text, showing bytes {start}–{Math.Max(start, textEnd)}{note}"
        );
    }

    private async Task<byte[]> ReadRangeAsync(string bucket, string key, long start, long end, CancellationToken cancellationToken)
    {
        using var response = await s3.CallAsync(
            c =>
                c.GetObjectAsync(
                    new GetObjectRequest
                    {
                        BucketName = bucket,
                        Key = key,
                        ByteRange = new ByteRange(start, end),
                    },
                    cancellationToken
                ),
            $"s3://{bucket}/{key}"
        );
        var length = (int)Math.Min(end - start + 1, MaxTextBytes);
        var buffer = new byte[length];
        var read = 0;
        while (read < length)
        {
            var n = await response.ResponseStream.ReadAsync(buffer.AsMemory(read, length - read), cancellationToken);
            if (n == 0)
                break;
            read += n;
        }
        return read == length ? buffer : buffer[..read];
    }

    private static CallToolResult Described(JsonObject info, string description)
    {
        info["binary"] = true;
        info["description"] = description;
        return ToolResults.Object(info, $"s3://{info["bucket"]}/{info["key"]}: {description}");
    }
}
