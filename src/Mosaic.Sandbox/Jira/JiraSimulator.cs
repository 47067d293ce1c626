namespace Mosaic.Sandbox.Jira;

public static class JiraSimulator
{
    // Placeholder: the simulator is filled in with its connector.
    public static IEndpointRouteBuilder MapJiraSimulator(this IEndpointRouteBuilder app) => app;
}
