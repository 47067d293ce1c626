using Microsoft.Extensions.DependencyInjection;
using Mosaic.Connectors.Common.Hosting;
using Mosaic.Connectors.Common.Http;
using Mosaic.Connectors.Jira;
using Mosaic.Connectors.Jira.Tools;

// An stdio MCP server over the Jira Cloud REST API v3: projects, JQL search, issues, create and update.
return await ConnectorHost.RunAsync(args, new ConnectorInfo("jira", "Jira"), connector =>
{
    var settings = JiraSettings.FromEnv(connector.Env);
    connector.Services.AddSingleton(settings);
    connector.AddUpstreamHttpClient<JiraClient>(http =>
    {
        http.BaseAddress = settings.ApiBase;
        http.DefaultRequestHeaders.Authorization = settings.Authorization();
        http.DefaultRequestHeaders.Accept.ParseAdd("application/json");
    });
    connector.AddTools<JiraTools>();
});
