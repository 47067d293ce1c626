using Microsoft.Extensions.DependencyInjection;
using Mosaic.Connectors.Common.Hosting;
using Mosaic.Connectors.Common.Http;
using Mosaic.Connectors.Slack;
using Mosaic.Connectors.Slack.Tools;

// An stdio MCP server over the Slack Web API: channels, users, messages, search and posting.
return await ConnectorHost.RunAsync(args, new ConnectorInfo("slack", "Slack"), connector =>
{
    var settings = SlackSettings.FromEnv(connector.Env);
    connector.Services.AddSingleton(settings);
    connector.AddUpstreamHttpClient<SlackClient>(http => http.BaseAddress = settings.ApiUrl);
    connector.Services.AddSingleton<SlackDirectory>();
    connector.AddTools<SlackTools>();
});
