using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Mosaic.TestMcpServer;

var builder = Host.CreateApplicationBuilder(args);

// stdout carries the protocol; logs go to stderr.
builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
builder
    .Services.AddMcpServer()
    .WithStdioServerTransport()
    .WithTools<TestTools>()
    .WithRequestFilters(f =>
        f.AddListToolsFilter(next =>
            (request, ct) =>
            {
                Interlocked.Increment(ref TestTools.ListRequests);
                return next(request, ct);
            }
        )
    );
await builder.Build().RunAsync();
