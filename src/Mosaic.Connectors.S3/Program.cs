using Microsoft.Extensions.DependencyInjection;
using Mosaic.Connectors.Common.Hosting;
using Mosaic.Connectors.S3;
using Mosaic.Connectors.S3.Tools;

// An stdio MCP server over Amazon S3 or any S3-compatible store (MinIO, R2, s3rver).
return await ConnectorHost.RunAsync(args, new ConnectorInfo("s3", "S3"), connector =>
{
    connector.Services.AddSingleton(S3Settings.FromEnv(connector.Env));
    connector.Services.AddSingleton<S3Api>();
    connector.AddTools<S3Tools>();
    connector.AddTools<S3WhoamiTools>();
});
