namespace Mosaic.Connectors.Tests.Infrastructure;

/// <summary>Service addresses from the environment. A missing one fails the test loudly: CI never skips.</summary>
public static class TestServices
{
    public static string Require(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{name} is not set. Start the test services (scripts/test.sh does) or export {name} before running these tests."
            );

    /// <summary>ADO connection string of the test MariaDB server, without a database.</summary>
    public static string MariaDb => Require("MOSAIC_TEST_MARIADB");

    /// <summary>Base URL of the s3rver instance (keys S3RVER/S3RVER).</summary>
    public static string S3Url => Require("MOSAIC_TEST_S3_URL");

    /// <summary>
    /// The MOSAIC_EGRESS_ALLOW entry for exactly one loopback service a connector under test must reach
    /// (connectors refuse loopback unless allowed): "127.0.0.1:3407", "[::1]:8080".
    /// </summary>
    public static string EgressEntry(string host, int port) => host.Contains(':') ? $"[{host.Trim('[', ']')}]:{port}" : $"{host}:{port}";

    /// <summary><see cref="EgressEntry(string, int)"/> for the host and port of a URL.</summary>
    public static string EgressEntry(string url) => EgressEntry(new Uri(url).Host, new Uri(url).Port);

    /// <summary>A short unique suffix for databases/buckets this run creates.</summary>
    public static string UniqueSuffix() => Guid.NewGuid().ToString("N")[..10];
}
