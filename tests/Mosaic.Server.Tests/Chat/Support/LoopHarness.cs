using System.Threading.Channels;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging.Abstractions;
using Mosaic.Server.Audit;
using Mosaic.Server.Chat;
using Mosaic.Server.Connectors.Hub;
using Mosaic.Server.Infrastructure;
using Mosaic.Server.Llm;

namespace Mosaic.Server.Tests.Chat.Support;

/// <summary>The tool loop wired to a hub, an approval broker and a provider, collecting the events of one turn.</summary>
public sealed class LoopHarness(IMcpHub hub, LlmProvider provider, TimeProvider? time = null, ChatSettings? settings = null)
{
    public const string UserId = "user-1";

    public ChatSettings Settings { get; } = settings ?? new ChatSettings();
    public ApprovalBroker Approvals { get; } = new(time ?? TimeProvider.System, settings ?? new ChatSettings());
    public Channel<ChatEvent> Events { get; } = Channel.CreateUnbounded<ChatEvent>();

    public static LlmProvider Anthropic(string baseUrl) =>
        LlmProviderFactory.Create(new LlmSettings { AnthropicApiKey = "sk-test", AnthropicBaseUrl = baseUrl }, NullLogger.Instance);

    /// <summary>What the executor reported to the audit log, in order.</summary>
    public MemoryAuditLog Audit { get; } = new();

    public ToolLoop Loop =>
        new(new ToolExecutor(hub, Approvals, Settings, time ?? TimeProvider.System, new ToolCallAudit(Audit)), Settings);

    public ChatTurn Turn(string datasource, IReadOnlyDictionary<string, string>? fields = null, bool canAsk = true) =>
        new(UserId, datasource, fields, canAsk, new ChannelSink(Events.Writer));

    public async Task<(LoopResult Result, List<ChatMessage> Messages)> RunAsync(
        string datasource,
        string question,
        CancellationToken ct = default,
        bool canAsk = true
    )
    {
        var tools = (await hub.ListToolsAsync(UserId, datasource, ct)).Select(t => new McpToolDeclaration(t)).ToList();
        var messages = new List<ChatMessage> { new(ChatRole.System, "test"), new(ChatRole.User, question) };
        var result = await Loop.RunAsync(Turn(datasource, canAsk: canAsk), provider.Chat, messages, tools, [], ct);
        return (result, messages);
    }

    public List<ChatEvent> Drain()
    {
        var list = new List<ChatEvent>();
        while (Events.Reader.TryRead(out var e))
            list.Add(e);
        return list;
    }

    /// <summary>Waits for the next event of type T, skipping others.</summary>
    public async Task<T> NextAsync<T>(TimeSpan? timeout = null)
        where T : ChatEvent
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var e = await Events.Reader.ReadAsync(cts.Token);
            if (e is T t)
                return t;
        }
    }

    private sealed class ChannelSink(ChannelWriter<ChatEvent> writer) : IEventSink<ChatEvent>
    {
        public ValueTask EmitAsync(ChatEvent e, CancellationToken ct) => writer.WriteAsync(e, ct);
    }
}

/// <summary>An audit log that keeps its entries in memory, for tests without a server.</summary>
public sealed class MemoryAuditLog : IAuditLog
{
    private readonly System.Collections.Concurrent.ConcurrentQueue<AuditEvent> _entries = new();

    public IReadOnlyList<AuditEvent> Entries => [.. _entries];

    public Task WriteAsync(AuditEvent entry, CancellationToken ct = default)
    {
        _entries.Enqueue(entry);
        return Task.CompletedTask;
    }
}
