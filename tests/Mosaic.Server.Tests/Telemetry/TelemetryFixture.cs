using Mosaic.Connectors.Tests.Infrastructure;
using Mosaic.Server.Telemetry;
using Mosaic.Server.Tests.Chat;
using Mosaic.Server.Tests.Chat.Support;

namespace Mosaic.Server.Tests.Telemetry;

/// <summary>
/// The real server (Offline mode) exporting to memory, the real Slack connector started by the hub, the Sandbox as Slack.
/// </summary>
public sealed class TelemetryFixture : IAsyncLifetime
{
    public SandboxFixture Sandbox { get; } = new();
    public InMemoryTelemetry Telemetry { get; } = new();
    public ChatAppFactory App { get; } = new(null);

    public async Task InitializeAsync()
    {
        await Sandbox.InitializeAsync();
        App.Settings["MOSAIC_EGRESS_ALLOW"] = Sandbox.EnvFor("slack")["MOSAIC_EGRESS_ALLOW"];
        App.ServiceOverrides.Add(s => s.AddSingleton<ITelemetryExport>(Telemetry));
        await App.InitializeAsync();
    }

    public Task<TestUser> SlackUserAsync() => SlackChatFixture.SlackUserAsync(Sandbox, App);

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await Sandbox.DisposeAsync();
    }
}

/// <summary>The trace, metric and no-secrets tests share one server and Sandbox, one test at a time.</summary>
[CollectionDefinition(Name)]
public sealed class TelemetryCollection : ICollectionFixture<TelemetryFixture>
{
    public const string Name = "telemetry";
}
