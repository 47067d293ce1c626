namespace Mosaic.Sandbox.GitHub;

public static class GitHubSimulator
{
    // Placeholder: the simulator is filled in with its connector.
    public static IEndpointRouteBuilder MapGitHubSimulator(this IEndpointRouteBuilder app) => app;
}
