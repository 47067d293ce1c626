using Mosaic.Connectors.Common.Configuration;

namespace Mosaic.Connectors.S3;

/// <summary>
/// The S3 connector's settings, from the environment the host passes (the s3 credential fields,
/// docs/architecture.md#sources).
/// </summary>
public sealed record S3Settings
{
    public required string AccessKeyId { get; init; }
    public required string SecretAccessKey { get; init; }
    public required string Region { get; init; }
    public Uri? EndpointUrl { get; init; }

    /// <summary>Path-style addressing: always with a custom endpoint (MinIO, R2, s3rver), or when asked.</summary>
    public required bool ForcePathStyle { get; init; }

    public static S3Settings FromEnv(EnvConfig env)
    {
        var endpoint = env.Url("AWS_ENDPOINT_URL");
        return new S3Settings
        {
            AccessKeyId = env.Required("AWS_ACCESS_KEY_ID"),
            SecretAccessKey = env.Required("AWS_SECRET_ACCESS_KEY"),
            Region = env.Optional("AWS_REGION", "us-east-1"),
            EndpointUrl = endpoint,
            ForcePathStyle = endpoint is not null || env.Flag("S3_FORCE_PATH_STYLE"),
        };
    }
}
