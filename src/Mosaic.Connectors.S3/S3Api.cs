using Amazon;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Mosaic.Connectors.Common.Egress;
using Mosaic.Connectors.Common.Errors;

namespace Mosaic.Connectors.S3;

/// <summary>A thin wrapper over the AWS SDK's S3 client that turns its errors into actionable tool errors.</summary>
public sealed class S3Api(S3Settings settings, EgressPolicy egress) : IDisposable
{
    public const string Service = "S3";

    private readonly AmazonS3Client _client = new(
        new BasicAWSCredentials(settings.AccessKeyId, settings.SecretAccessKey),
        CreateConfig(settings, egress)
    );

    public IAmazonS3 Client => _client;

    private static AmazonS3Config CreateConfig(S3Settings settings, EgressPolicy egress)
    {
        var config = new AmazonS3Config
        {
            HttpClientFactory = new EgressHttpClientFactory(egress),
            ForcePathStyle = settings.ForcePathStyle,
            Timeout = TimeSpan.FromSeconds(30),
            MaxErrorRetry = 2,
            // Reads only: checksums only where the service requires them keeps S3-compatible stores happy.
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        };
        if (settings.EndpointUrl is { } endpoint)
        {
            config.ServiceURL = endpoint.ToString();
            config.AuthenticationRegion = settings.Region;
        }
        else
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(settings.Region);
        }
        return config;
    }

    /// <summary>Runs an SDK call, mapping S3 errors to <see cref="UpstreamException"/>.</summary>
    public async Task<T> CallAsync<T>(Func<IAmazonS3, Task<T>> call, string? what = null)
    {
        try
        {
            return await call(_client);
        }
        catch (AmazonS3Exception ex)
        {
            throw Map(ex, what);
        }
        catch (AmazonServiceException ex) when (EgressRefusedException.Find(ex) is { } refused)
        {
            throw refused;
        }
        catch (AmazonServiceException ex) when (ex.InnerException is HttpRequestException http)
        {
            throw new UpstreamException(
                Service,
                null,
                "unreachable",
                $"the endpoint could not be reached ({http.Message}); check AWS_ENDPOINT_URL / AWS_REGION and the network",
                inner: ex
            );
        }
    }

    public static UpstreamException Map(AmazonS3Exception ex, string? what)
    {
        var status = (int)ex.StatusCode;
        var reason = ex.ErrorCode switch
        {
            "NoSuchBucket" => $"the bucket {what} does not exist",
            "NoSuchKey" or "NotFound" when status == 404 => $"{what ?? "the object"} does not exist",
            "InvalidAccessKeyId" => "the access key id is not known",
            "SignatureDoesNotMatch" => "the secret access key does not match the access key id",
            _ => string.IsNullOrWhiteSpace(ex.Message) ? ex.ErrorCode : ex.Message,
        };
        var hint = ex.ErrorCode is "InvalidAccessKeyId" or "SignatureDoesNotMatch" or "ExpiredToken"
            ? "The credentials were rejected: check AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY in the data source settings."
            : null;
        return new UpstreamException(Service, status, ex.ErrorCode, reason, inner: ex, hint: hint);
    }

    public void Dispose() => _client.Dispose();

    /// <summary>The SDK's HTTP clients, with every connection (endpoint and redirects) through the egress policy.</summary>
    private sealed class EgressHttpClientFactory(EgressPolicy egress) : HttpClientFactory
    {
        public override HttpClient CreateHttpClient(IClientConfig clientConfig) =>
            new(egress.CreateHandler(clientConfig.AllowAutoRedirect)) { Timeout = clientConfig.Timeout ?? TimeSpan.FromSeconds(100) };
    }
}
