using System.ComponentModel;
using System.Globalization;
using System.Text.Json.Nodes;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Mosaic.Connectors.Common.Results;

namespace Mosaic.Connectors.S3.Tools;

/// <summary>
/// What these keys reach. S3 has no "who am I" call of its own (that is STS, which S3-compatible stores lack), so ListBuckets
/// proves the keys work and names the owning account when the store reports one.
/// </summary>
[McpServerToolType]
public sealed class S3WhoamiTools(S3Api s3, S3Settings settings)
{
    [McpServerTool(Name = Whoami.ToolName, ReadOnly = true, Idempotent = true, OpenWorld = true)]
    [Description(
        "Which S3 account these keys act as: the owner the store reports, the endpoint's host and how many buckets the keys "
            + "see. Use it to check the connection."
    )]
    public Task<CallToolResult> WhoamiAsync(CancellationToken cancellationToken = default) =>
        Whoami.RunAsync(async () =>
        {
            var response = await s3.CallAsync(c => c.ListBucketsAsync(cancellationToken));
            var buckets = response.Buckets?.Count ?? 0;
            var host = settings.EndpointUrl?.Authority ?? $"s3.{settings.Region}.amazonaws.com";
            var owner = Blank(response.Owner?.DisplayName) ?? Blank(response.Owner?.Id);
            // The access key id is an identifier, not a secret, but a shortened one is enough to tell keys apart.
            var key = KeyHint(settings.AccessKeyId);
            var count = string.Create(CultureInfo.InvariantCulture, $"{buckets} bucket{(buckets == 1 ? "" : "s")}");
            return Whoami.Result(
                $"{owner ?? $"access key {key}"} on {host} ({count})",
                owner ?? key,
                new JsonObject
                {
                    ["owner"] = owner,
                    ["owner_id"] = Blank(response.Owner?.Id),
                    ["access_key"] = key,
                    ["buckets"] = buckets,
                    ["host"] = host,
                    ["region"] = settings.Region,
                }
            );
        });

    private static string KeyHint(string accessKeyId) => accessKeyId.Length <= 8 ? accessKeyId : $"{accessKeyId[..4]}…{accessKeyId[^4..]}";

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;
}
