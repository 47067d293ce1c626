// Mosaic.Sandbox: simulators of the SaaS APIs the connectors call, over one seeded dataset
// for a fictional company, Acme. Tests and --demo point the connectors here (see README.md).
using Mosaic.Sandbox.Acme;
using Mosaic.Sandbox.GitHub;
using Mosaic.Sandbox.Google;
using Mosaic.Sandbox.Infrastructure;
using Mosaic.Sandbox.Jira;
using Mosaic.Sandbox.McpAuth;
using Mosaic.Sandbox.OAuth;
using Mosaic.Sandbox.Shopify;
using Mosaic.Sandbox.Slack;

if (args.Contains("--seed-s3"))
{
    // Uploads the demo files (Demo/s3/<bucket>/...) to an S3-compatible endpoint, then exits.
    Environment.ExitCode = await DemoS3Seeder.RunAsync(args);
    return;
}

TimeProvider time;
try
{
    (time, args) = SandboxClock.FromArgs(args);
} // --now=<ISO time>: the story at a chosen hour (tests, demo)
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    Environment.ExitCode = 2;
    return;
}
AcmeCompany.AnchorAt(time.GetUtcNow());
var sqlitePath = DemoDatabase.EnsureSqlite(time); // the SQLite demo database SQLITE_PATH points to

if (args.Contains("--print-env"))
{
    // Prints the environment each connector needs to use a Sandbox at --urls, then exits.
    Console.WriteLine(SandboxEnv.ToJson(SandboxEnv.BaseUrlFrom(args), args, sqlitePath));
    return;
}

if (args.Contains(ParentWatch.Flag))
{
    // Started by the Mosaic server (--demo): end with it, even when it is killed and cannot stop us.
    ParentWatch.ExitWhenStdinCloses();
    args = [.. args.Where(a => a != ParentWatch.Flag)];
}

var builder = WebApplication.CreateBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.Services.AddSandbox(time);
builder.Services.AddMcpAuthSandbox(); // the OAuth-protected Acme Wiki MCP server and its authorization server

var app = builder.Build();
app.UseSandboxControls(); // recorded writes, reset, forced throttling: /_sandbox/*
app.UseTraceRecorder(); // the trace context each request came with: /_sandbox/traces
app.MapOAuthControls(); // the OAuth servers' settings, expiry, revocation and counters: /_sandbox/oauth/{provider}/*

app.MapGitHubSimulator(); // /github/...  REST v3
app.MapSlackSimulator(); // /slack/api/...  Web API
app.MapJiraSimulator(); // /jira/rest/api/3/...
app.MapShopifySimulator(); // /shopify/admin/api/{version}/graphql.json
app.MapMcpAuthSandbox(); // /mcp-auth/wiki (MCP), /mcp-auth/... (OAuth 2.1), /_sandbox/mcp-auth/...
app.MapGoogleSimulator(); // /google/... token endpoint, Calendar, Gmail, Drive, Docs, Sheets

app.MapGet("/", () => Results.Text("Mosaic Sandbox: simulated GitHub, Slack, Jira, Shopify and Google APIs for Acme. See README.md."));
app.Run();

public partial class Program;
