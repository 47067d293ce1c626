using System.Text.RegularExpressions;
using Mosaic.Server.Connectors;

namespace Mosaic.Server.Sources.S3;

/// <summary>Amazon S3 (or S3-compatible storage): buckets and objects.</summary>
public sealed partial class S3Source : IBuiltInSource
{
    public const string Id = "s3";

    public SourceDefinition Definition { get; } =
        new()
        {
            Id = Id,
            Name = "Amazon S3",
            Icon = "s3",
            Assembly = "Mosaic.Connectors.S3",
            Description = "Browse buckets and read or search objects",
            CredentialFields =
            [
                new("aws_access_key_id", "Access Key ID", "text", true, "AWS_ACCESS_KEY_ID"),
                new("aws_secret_access_key", "Secret Access Key", "password", true, "AWS_SECRET_ACCESS_KEY"),
                new("aws_region", "Region", "text", false, "AWS_REGION") { Location = true, Placeholder = "us-east-1" },
                new("endpoint_url", "Endpoint URL", "url", false, "AWS_ENDPOINT_URL")
                {
                    Location = true,
                    Help = "Only for S3-compatible storage (MinIO, Ceph, …).",
                },
                new("force_path_style", "Path-style addressing", "checkbox", false, "S3_FORCE_PATH_STYLE")
                {
                    Location = true,
                    Help = "Needed by most S3-compatible servers.",
                },
            ],
            DirectRouting =
            [
                new(["bucket", "buckets"], "list_buckets"),
                new(["search", "find"], "search_objects"),
                new(["object", "objects", "files", "list files"], "list_objects"),
            ],
        };

    public SourcePresentation Presentation { get; } =
        new(
            "oklch(64.6% 0.222 41.116)",
            null,
            ["List my S3 buckets", "Find objects named \"invoice\"", "List the files in my first bucket"]
        );

    public IReadOnlyList<string> NameWords { get; } = ["s3"];

    public IReadOnlyList<WordSignal> Words { get; } =
    [
        new(0.9, ["s3", "bucket", "buckets"]),
        new(
            0.45,
            [
                "object",
                "objects",
                "file",
                "files",
                "folder",
                "upload",
                "uploaded",
                "csv",
                "backup",
                "backups",
                "archive",
                "postmortem",
                "runbook",
                "logo",
                "prefix",
            ]
        ),
    ];

    public IEnumerable<Signal> Entities(string query)
    {
        foreach (Match m in S3Uri().Matches(query))
            yield return new(Id, 1.0, $"names {m.Value}");
        foreach (Match m in FileName().Matches(query))
            yield return new(Id, 0.5, $"names the file {m.Value}");
    }

    public ValueTask<PlannedCall?> PlanOfflineAsync(OfflineQuestion q, CancellationToken ct) => ValueTask.FromResult<PlannedCall?>(Plan(q));

    private static PlannedCall Plan(OfflineQuestion q)
    {
        if (BucketName().Match(q.Query) is not { Success: true } b)
            return new("list_buckets") { Fallback = true };
        var bucket = b.Groups["b"].Value;
        if (q.Keywords.Count == 0)
            return new("search_objects", new Dictionary<string, object?> { ["bucket"] = bucket });
        // One word: the content search matches a phrase as written, and the question's words are rarely adjacent.
        return new("search_objects", new Dictionary<string, object?> { ["bucket"] = bucket, ["contains"] = q.Keywords[0] })
        {
            Label = $"search_objects bucket={bucket} contains=\"{q.Keywords[0]}\"",
        };
    }

    [GeneratedRegex(@"s3://[a-z0-9][a-z0-9.\-]+\S*")]
    private static partial Regex S3Uri();

    [GeneratedRegex(@"\b[\w\-]+\.(?:csv|json|pdf|png|jpg|md|txt|parquet|zip|gz|log)\b", RegexOptions.IgnoreCase)]
    private static partial Regex FileName();

    /// <summary>"s3://acme-finance", "bucket acme-finance", "the acme-finance bucket".</summary>
    [GeneratedRegex(
        @"s3://(?<b>[a-z0-9][a-z0-9.\-]+)|\bbucket\s+(?<b>[a-z0-9][a-z0-9.\-]+)|\b(?<b>[a-z0-9][a-z0-9.\-]+)\s+bucket\b",
        RegexOptions.IgnoreCase
    )]
    private static partial Regex BucketName();
}
