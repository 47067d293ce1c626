using Mosaic.Connectors.Tests.Infrastructure;

namespace Mosaic.Connectors.Tests.S3;

public static class S3Env
{
    /// <summary>The connector's environment for the test s3rver (allowed by the egress policy: it is on loopback).</summary>
    public static Dictionary<string, string> ForS3rver(string key = "S3RVER", string secret = "S3RVER") =>
        new()
        {
            ["AWS_ACCESS_KEY_ID"] = key,
            ["AWS_SECRET_ACCESS_KEY"] = secret,
            ["AWS_REGION"] = "us-east-1",
            ["AWS_ENDPOINT_URL"] = TestServices.S3Url,
            ["MOSAIC_EGRESS_ALLOW"] = TestServices.EgressEntry(TestServices.S3Url),
        };
}
