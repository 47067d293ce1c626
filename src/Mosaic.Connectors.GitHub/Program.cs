using Microsoft.Extensions.DependencyInjection;
using Mosaic.Connectors.Common.Egress;
using Mosaic.Connectors.Common.Hosting;
using Mosaic.Connectors.Common.Http;
using Mosaic.Connectors.GitHub;
using Mosaic.Connectors.GitHub.Tools;

// An stdio MCP server over GitHub's REST API (github.com, GitHub Enterprise Server, or the Mosaic Sandbox).
return await ConnectorHost.RunAsync(args, new ConnectorInfo("github", "GitHub"), connector =>
{
    connector.Services.AddSingleton(GitHubSettings.FromEnv(connector.Env));
    // Octokit sends the requests; this named client gives it the kit's egress policy and retry/Retry-After/timeout
    // pipeline. Octokit follows redirects itself (through this handler, so each new host is checked too).
    connector
        .Services.AddHttpClient(GitHubRestClient.HttpClientName)
        .UseEgressPolicy(followRedirects: false)
        .AddStandardResilienceHandler(UpstreamHttp.ConfigureResilience);
    connector.Services.AddSingleton<GitHubRestClient>();
    connector.AddTools<GitHubListTools>();
    connector.AddTools<GitHubCodeTools>();
    connector.AddTools<GitHubDetailTools>();
    connector.AddTools<GitHubWhatsNewTools>();
    connector.AddTools<GitHubWhoamiTools>();
});
