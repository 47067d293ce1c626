namespace Mosaic.Sandbox.Google;

public static class GoogleSimulator
{
    // Placeholder: the simulator is filled in with its connector.
    public static IEndpointRouteBuilder MapGoogleSimulator(this IEndpointRouteBuilder app) => app;
}
