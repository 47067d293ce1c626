using System.Text;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Mosaic.Connectors.Tests.Infrastructure;

namespace Mosaic.Connectors.Tests.S3;

/// <summary>A uniquely named bucket in s3rver with text, binary, large and 1100 small objects.</summary>
public sealed class S3Fixture : IAsyncLifetime
{
    public string Bucket { get; } = $"mosaic-s3-{TestServices.UniqueSuffix()}";

    public const string Notes = "Meeting notes\nThe checkout bug (ACME-142) breaks orders over $500.\nOwner: Grace\n";

    /// <summary>40 000 bytes of text with multi-byte characters, to cut at budget edges.</summary>
    public static readonly string Large = string.Concat(Enumerable.Range(0, 2000).Select(i => $"line {i:D5} ünï\n"));

    public static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52, 1, 2, 3];

    private ConnectorProcess? _connector;

    public AmazonS3Client Client { get; } =
        new(
            new BasicAWSCredentials("S3RVER", "S3RVER"),
            new AmazonS3Config
            {
                ServiceURL = TestServices.S3Url,
                ForcePathStyle = true,
                AuthenticationRegion = "us-east-1",
                RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
                ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
            }
        );

    public async Task InitializeAsync()
    {
        await Client.PutBucketAsync(Bucket);
        await PutAsync("docs/notes.txt", Notes, "text/plain");
        await PutAsync("docs/readme.md", "# Acme\nHello", "text/markdown");
        await PutAsync("docs/ünïcode.txt", "grüße", "text/plain");
        // s3rver only reports a common prefix for keys one level below it, so reports/ also gets a direct child.
        await PutAsync("reports/index.txt", "quarterly reports", "text/plain");
        await PutAsync("reports/2025/q1.csv", "month,total\njan,10\n", "text/csv");
        await PutAsync("reports/2025/q2.csv", "month,total\napr,20\n", "text/csv");
        await PutAsync("big/large.txt", Large, "text/plain");
        await PutAsync("data/config.unknown", "plain words, no type", "application/octet-stream");
        await Client.PutObjectAsync(
            new PutObjectRequest
            {
                BucketName = Bucket,
                Key = "images/logo.png",
                InputStream = new MemoryStream(Png),
                ContentType = "image/png",
                UseChunkEncoding = false,
            }
        );
        await Client.PutObjectAsync(
            new PutObjectRequest
            {
                BucketName = Bucket,
                Key = "data/blob.bin",
                InputStream = new MemoryStream([1, 0, 2, 0, 3]),
                ContentType = "application/octet-stream",
                UseChunkEncoding = false,
            }
        );
        await Parallel.ForEachAsync(Enumerable.Range(0, 1100), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
            await PutAsync($"many/item-{i:D4}.txt", $"item {i}", "text/plain", ct)
        );
    }

    public Task PutAsync(string key, string body, string contentType, CancellationToken ct = default) =>
        Client.PutObjectAsync(
            new PutObjectRequest
            {
                BucketName = Bucket,
                Key = key,
                ContentBody = body,
                ContentType = contentType,
                UseChunkEncoding = false,
            },
            ct
        );

    public async Task<ConnectorProcess> ConnectorAsync() => _connector ??= await ConnectorProcess.StartAsync("S3", S3Env.ForS3rver());

    public async Task DisposeAsync()
    {
        if (_connector is not null)
            await _connector.DisposeAsync();
        string? token = null;
        do
        {
            var page = await Client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = Bucket, ContinuationToken = token });
            foreach (var o in page.S3Objects ?? [])
                await Client.DeleteObjectAsync(Bucket, o.Key);
            token = page.IsTruncated == true ? page.NextContinuationToken : null;
        } while (token is not null);
        await Client.DeleteBucketAsync(Bucket);
        Client.Dispose();
    }
}
