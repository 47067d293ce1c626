using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Mosaic.TestMcpServer;

var builder = Host.CreateApplicationBuilder(args);

// stdout carries the protocol; logs go to stderr.
builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
var mcp = builder.Services.AddMcpServer().WithStdioServerTransport().WithTools<TestTools>();

// A shared connector's process (the hub's shared isolation) also says whose credentials each call brought.
if (Environment.GetEnvironmentVariable("MOSAIC_CREDENTIALS") == "per-call")
    mcp.WithTools<PerCallTools>();
mcp.WithRequestFilters(f =>
    f.AddListToolsFilter(next =>
        (request, ct) =>
        {
            Interlocked.Increment(ref PerCallTools.ListRequests);
            return next(request, ct);
        }
    )
);
await builder.Build().RunAsync();
