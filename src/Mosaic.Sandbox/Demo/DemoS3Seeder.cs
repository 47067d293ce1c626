using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;

namespace Mosaic.Sandbox.Infrastructure;

/// <summary>
/// Uploads the demo S3 files (Demo/s3/&lt;bucket&gt;/&lt;key&gt;) to an S3-compatible endpoint, creating the
/// buckets. Used by <c>--seed-s3 &lt;url&gt; [--bucket-prefix p]</c> (the demo; tests pass a unique prefix so
/// parallel runs sharing one s3rver do not collide) with AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, defaulting
/// to s3rver's S3RVER/S3RVER.
/// </summary>
public static class DemoS3Seeder
{
    public static async Task<int> SeedAsync(
        Uri endpoint,
        string accessKey,
        string secretKey,
        string bucketPrefix = "",
        CancellationToken cancellationToken = default
    )
    {
        using var s3 = new AmazonS3Client(
            new BasicAWSCredentials(accessKey, secretKey),
            new AmazonS3Config
            {
                ServiceURL = endpoint.ToString(),
                ForcePathStyle = true,
                AuthenticationRegion = "us-east-1",
                RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
                ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
            }
        );
        var existing = (await s3.ListBucketsAsync(cancellationToken)).Buckets?.Select(b => b.BucketName).ToHashSet() ?? [];
        var uploaded = 0;
        foreach (var bucketDir in Directory.GetDirectories(DemoFiles.S3Directory).Order(StringComparer.Ordinal))
        {
            var bucket = bucketPrefix + Path.GetFileName(bucketDir);
            if (!existing.Contains(bucket))
                await s3.PutBucketAsync(bucket, cancellationToken);
            foreach (var file in Directory.GetFiles(bucketDir, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                var key = Path.GetRelativePath(bucketDir, file).Replace(Path.DirectorySeparatorChar, '/');
                await s3.PutObjectAsync(
                    new PutObjectRequest
                    {
                        BucketName = bucket,
                        Key = key,
                        FilePath = file,
                        ContentType = ContentType(file),
                        // s3rver (and some other S3-compatible stores) keep aws-chunked framing as part of the object.
                        UseChunkEncoding = false,
                    },
                    cancellationToken
                );
                uploaded++;
            }
        }
        return uploaded;
    }

    /// <summary>Runs <c>--seed-s3 &lt;url&gt;</c>: prints what it did, returns the process exit code.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        var i = Array.IndexOf(args, "--seed-s3");
        if (i + 1 >= args.Length || !Uri.TryCreate(args[i + 1], UriKind.Absolute, out var endpoint))
        {
            await Console.Error.WriteLineAsync(
                "usage: Mosaic.Sandbox --seed-s3 http://127.0.0.1:4568 [--bucket-prefix test-]  (keys from "
                    + "AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, default S3RVER)"
            );
            return 2;
        }
        var key = Environment.GetEnvironmentVariable("AWS_ACCESS_KEY_ID") is { Length: > 0 } k ? k : "S3RVER";
        var secret = Environment.GetEnvironmentVariable("AWS_SECRET_ACCESS_KEY") is { Length: > 0 } s ? s : "S3RVER";
        var p = Array.IndexOf(args, "--bucket-prefix");
        var prefix = p >= 0 && p + 1 < args.Length ? args[p + 1] : "";
        try
        {
            var count = await SeedAsync(endpoint, key, secret, prefix);
            Console.WriteLine($"Uploaded {count} demo files to {endpoint}");
            return 0;
        }
        catch (Exception ex) when (ex is AmazonServiceException or HttpRequestException)
        {
            await Console.Error.WriteLineAsync($"Could not seed {endpoint}: {ex.Message}");
            return 1;
        }
    }

    private static string ContentType(string path) =>
        Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".md" => "text/markdown; charset=utf-8",
            ".csv" => "text/csv; charset=utf-8",
            ".json" => "application/json",
            ".png" => "image/png",
            ".txt" => "text/plain; charset=utf-8",
            _ => "application/octet-stream",
        };
}
