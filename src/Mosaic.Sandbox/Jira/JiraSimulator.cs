using Mosaic.Sandbox.Infrastructure;
using Mosaic.Sandbox.OAuth;

namespace Mosaic.Sandbox.Jira;

/// <summary>
/// Jira Cloud REST v3 at /jira/rest/api/3/...: projects, JQL search (a documented subset, see README), issues
/// with ADF bodies, create/edit/transition/comment; also at /atlassian/ex/jira/{cloudId}/rest/api/3/... for OAuth tokens.
/// Browse links (/jira/browse/KEY) answer with a short page.
/// </summary>
public static class JiraSimulator
{
    public static IEndpointRouteBuilder MapJiraSimulator(this IEndpointRouteBuilder app)
    {
        var store = new JiraStore(app.ServiceProvider.GetRequiredService<SandboxState>());
        var api = app.MapGroup("/jira/rest/api/3").RequireJiraAuth();
        JiraSearchEndpoints.Map(api, store);
        JiraIssueEndpoints.Map(api, store);

        // The same Jira through Atlassian's API gateway, for 3LO access tokens: api.atlassian.com/ex/jira/{cloudId}/...
        var atlassian = new AtlassianOAuth(app.ServiceProvider.GetRequiredService<SandboxOAuth>().Atlassian);
        atlassian.Map(app);
        var gateway = app.MapGroup("/atlassian/ex/jira/{cloudId}/rest/api/3").RequireAtlassianToken(atlassian);
        JiraSearchEndpoints.Map(gateway, store);
        JiraIssueEndpoints.Map(gateway, store);
        app.MapGet("/jira/browse/{key}", (string key) => store.Find(key) is { } issue
                ? SandboxPages.Page($"{issue.Key}: {issue.Summary}", issue.Status)
            : store.Project(key) is { } project ? SandboxPages.Page($"{project.Key}: {project.Name}", project.Description)
            : Results.NotFound());
        return app;
    }
}
