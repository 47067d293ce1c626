using System.Net.Http.Headers;
using System.Text;
using Mosaic.Connectors.Common.Configuration;

namespace Mosaic.Connectors.Jira;

/// <summary>
/// The Jira connector's settings (credential fields url*, email, api_token*: docs/architecture.md#sources). With an e-mail the
/// token is a Jira Cloud API token (Basic auth); without one it is a personal access token (Bearer), as
/// Jira Server/Data Center issues them.
/// </summary>
public sealed record JiraSettings
{
    public required Uri SiteUrl { get; init; }
    public string? Email { get; init; }
    public required string ApiToken { get; init; }

    /// <summary>REST v3 under the site, ending in "/" so relative paths resolve beneath it.</summary>
    public Uri ApiBase => new(SiteUrl.AbsoluteUri.TrimEnd('/') + "/rest/api/3/");

    /// <summary>The link a person opens for an issue or project: &lt;JIRA_URL&gt;/browse/KEY.</summary>
    public string BrowseUrl(string key) => $"{SiteUrl.AbsoluteUri.TrimEnd('/')}/browse/{key}";

    public AuthenticationHeaderValue Authorization() =>
        Email is null
            ? new AuthenticationHeaderValue("Bearer", ApiToken)
            : new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Email}:{ApiToken}")));

    public static JiraSettings FromEnv(EnvConfig env)
    {
        var url = env.Url("JIRA_URL");
        if (url is null && env.Optional("JIRA_URL") is null)
            env.Required("JIRA_URL");
        return new JiraSettings
        {
            SiteUrl = url ?? new Uri("https://invalid.example/"),
            Email = env.Optional("JIRA_EMAIL"),
            ApiToken = env.Required("JIRA_API_TOKEN"),
        };
    }
}
