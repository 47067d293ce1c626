using System.Text.Json.Nodes;

namespace Mosaic.Sandbox.Infrastructure;

public static class SandboxSetup
{
    public static IServiceCollection AddSandbox(this IServiceCollection services, TimeProvider time)
    {
        services.AddSingleton<SandboxState>();
        services.AddSingleton(time);
        services.AddSingleton<OAuth.SandboxOAuth>();
        return services;
    }

    /// <summary>
    /// Test controls, outside every simulated API:
    /// GET /_sandbox/calls[?service=slack] lists recorded writes; POST /_sandbox/reset restores the seed;
    /// POST /_sandbox/throttle?service=slack&amp;count=1 makes the next request(s) answer as throttled.
    /// </summary>
    public static WebApplication UseSandboxControls(this WebApplication app)
    {
        var group = app.MapGroup("/_sandbox");
        group.MapGet("/calls", (SandboxState state, string? service) =>
            Results.Json(state.Calls.Where(c => service is null || c.Service == service))
        );
        group.MapPost("/reset", (SandboxState state) =>
        {
            state.Reset();
            return Results.Ok(new JsonObject { ["ok"] = true });
        });
        group.MapPost("/throttle", (SandboxState state, string service, int? count) =>
        {
            state.ForceThrottle(service, count ?? 1);
            return Results.Ok(new JsonObject { ["service"] = service, ["count"] = count ?? 1 });
        });
        return app;
    }
}
