using Mosaic.Server.Tests.Fakes;

namespace Mosaic.Server.Tests.Chat.Support;

/// <summary>A server whose model is the fake Anthropic API; tests in a class share it and script replies in turn.</summary>
public class AnthropicChatFixture : IAsyncLifetime
{
    /// <summary>More connectors.json sources (JSON objects) for the server, see <see cref="ChatAppFactory"/>.</summary>
    protected virtual string ExtraSources => "";

    public FakeAnthropic Fake { get; private set; } = null!;
    public ChatAppFactory App { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Fake = await FakeAnthropic.StartAsync();
        // The fast routing model picks nothing unless a test scripts it: the standard model then sees every tool.
        Fake.DefaultFor("claude-haiku-4-5", _ => FakeReply.Text("[]"));
        App = new ChatAppFactory(Fake, ExtraSources);
        await App.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await Fake.DisposeAsync();
    }
}

/// <summary>A server in Offline mode.</summary>
public sealed class OfflineChatFixture : IAsyncLifetime
{
    public ChatAppFactory App { get; } = new(null);

    public Task InitializeAsync() => App.InitializeAsync();

    public Task DisposeAsync() => App.DisposeAsync();
}

public static class ChatUsers
{
    /// <summary>A signed-in user whose client holds a fresh XSRF token (from /api/auth/me, as the UI does at start).</summary>
    public static async Task<TestUser> SignInAsync(this MosaicAppFactory app)
    {
        var user = await app.SignUpAndLogInAsync();
        (await user.Http.GetAsync("/api/auth/me")).EnsureSuccessStatusCode();
        return user;
    }
}
