using Mosaic.Connectors.Tests.Infrastructure;

namespace Mosaic.Connectors.Tests.S3;

public class S3StartupTests
{
    [Fact]
    public async Task Missing_credentials_stop_startup_naming_each_variable()
    {
        var (code, stderr) = await ConnectorProcess.RunToExitAsync("S3", new Dictionary<string, string>());
        Assert.Equal(2, code);
        Assert.Contains("AWS_ACCESS_KEY_ID", stderr);
        Assert.Contains("AWS_SECRET_ACCESS_KEY", stderr);
    }

    [Fact]
    public async Task Unknown_tool_in_TOOLS_stops_startup()
    {
        var (code, stderr) = await ConnectorProcess.RunToExitAsync(
            "S3",
            new Dictionary<string, string>
            {
                ["AWS_ACCESS_KEY_ID"] = "x",
                ["AWS_SECRET_ACCESS_KEY"] = "y",
                ["TOOLS"] = "list_buckets,put_object",
            }
        );
        Assert.Equal(2, code);
        Assert.Contains("put_object", stderr);
    }

    [Fact]
    public async Task Serves_list_buckets_over_stdio()
    {
        await using var s3 = await ConnectorProcess.StartAsync("S3", S3Env.ForS3rver());
        var result = await s3.CallAsync("list_buckets");
        var data = result.Ok();
        Assert.True(data.GetProperty("returned").GetInt32() >= 0);
        Assert.Contains("bucket", result.Text);
    }
}
