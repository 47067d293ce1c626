using Mosaic.Sandbox.Infrastructure;

namespace Mosaic.Sandbox.Jira;

/// <summary>
/// Jira Cloud REST v3 at /jira/rest/api/3/...: projects, JQL search (a documented subset, see README), issues
/// with ADF bodies, create/edit/transition/comment. Browse links (/jira/browse/KEY) answer with a short page.
/// </summary>
public static class JiraSimulator
{
    public static IEndpointRouteBuilder MapJiraSimulator(this IEndpointRouteBuilder app)
    {
        var store = new JiraStore(app.ServiceProvider.GetRequiredService<SandboxState>());
        var api = app.MapGroup("/jira/rest/api/3").RequireJiraAuth();
        JiraSearchEndpoints.Map(api, store);
        JiraIssueEndpoints.Map(api, store);
        app.MapGet("/jira/browse/{key}", (string key) =>
            store.Find(key) is { } issue ? Results.Text($"{issue.Key}: {issue.Summary} [{issue.Status}]") : Results.NotFound()
        );
        return app;
    }
}
