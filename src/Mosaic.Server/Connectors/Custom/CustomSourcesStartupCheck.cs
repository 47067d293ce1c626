namespace Mosaic.Server.Connectors.Custom;

/// <summary>
/// Builds the registry while the host starts, so a malformed connectors.json refuses start-up with
/// its message instead of failing the first request that needs a datasource.
/// </summary>
internal sealed class CustomSourcesStartupCheck(SourceRegistry registry, ILogger<CustomSourcesStartupCheck> log) : IHostedService
{
    public Task StartAsync(CancellationToken ct)
    {
        var custom = registry.All.Where(c => !c.IsBuiltIn).Select(c => c.Id).ToList();
        if (custom.Count > 0)
            log.LogInformation("Custom sources: {Sources}", string.Join(", ", custom));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
