using Mosaic.Server.Demo;
using Mosaic.Server.Tests.Chat.Support;
using Mosaic.Server.Tests.Fakes;

namespace Mosaic.Server.Tests.Agent;

/// <summary>An Offline-mode server with the test sources (no Sandbox).</summary>
public sealed class OfflineAgentFixture : IAsyncLifetime
{
    public AgentAppFactory App { get; } = new(null);

    public Task InitializeAsync() => App.InitializeAsync();

    public Task DisposeAsync() => App.DisposeAsync();
}

/// <summary>An Offline-mode server whose user has the demo's seven sources (the real Sandbox, s3rver, demo database).</summary>
public sealed class DemoAgentFixture : IAsyncLifetime
{
    public AgentAppFactory App { get; } = new(null);
    public TestUser User { get; private set; } = null!;
    public DemoStatus Demo { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("MOSAIC_TEST_TOOLS")))
            throw new InvalidOperationException(
                "MOSAIC_TEST_TOOLS is not set: the demo's S3 source needs its s3rver (scripts/test.sh sets it up)."
            );
        await App.InitializeAsync();
        User = await App.SignUpAliceAsync();
        Demo = await App.WithDemoAsync(User);
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync(); // disposes the DemoEnvironment singleton: Sandbox and s3rver stop
    }
}

/// <summary>A server whose model is the fake Anthropic API, with the test sources.</summary>
public sealed class AnthropicAgentFixture : IAsyncLifetime
{
    public FakeAnthropic Fake { get; private set; } = null!;
    public AgentAppFactory App { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Fake = await FakeAnthropic.StartAsync();
        App = new AgentAppFactory(Fake);
        await App.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await Fake.DisposeAsync();
    }
}

/// <summary>One demo environment (Sandbox, s3rver, connector processes) shared by the classes that need it, which then run one after
/// another.</summary>
[CollectionDefinition(Name)]
public sealed class DemoCollection : ICollectionFixture<DemoAgentFixture>
{
    public const string Name = "Demo sources";
}
