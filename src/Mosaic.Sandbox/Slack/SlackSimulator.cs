namespace Mosaic.Sandbox.Slack;

public static class SlackSimulator
{
    // Placeholder: the simulator is filled in with its connector.
    public static IEndpointRouteBuilder MapSlackSimulator(this IEndpointRouteBuilder app) => app;
}
