using System.ComponentModel;
using System.Text.Json;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Mosaic.TestMcpServer;

[McpServerToolType]
public sealed class TestTools
{
    [McpServerTool(Name = "pid", ReadOnly = true), Description("Returns this server's process id.")]
    public static string Pid(
        [Description("Ignored; makes a call distinct so the host does not answer it from its cache.")] string? nonce = null
    ) => Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    [
        McpServerTool(Name = "hang", ReadOnly = true),
        Description("Never answers. When the client cancels the request, appends a line to the file named by $CANCEL_LOG.")
    ]
    public static async Task<string> Hang([Description("Written to the log on cancellation.")] string tag, CancellationToken ct)
    {
        try
        {
            await Task.Delay(Timeout.Infinite, ct);
            return "unreachable";
        }
        catch (OperationCanceledException)
        {
            if (Environment.GetEnvironmentVariable("CANCEL_LOG") is { Length: > 0 } log)
                await File.AppendAllTextAsync(log, $"cancelled {tag}\n", CancellationToken.None);
            throw;
        }
    }

    [
        McpServerTool(Name = "sleep", ReadOnly = true),
        Description("Waits the given number of milliseconds, then answers with what it did (a slow source for fan-out tests).")
    ]
    public static async Task<string> Sleep([Description("Milliseconds to wait (at most 60000).")] int ms, CancellationToken ct)
    {
        await Task.Delay(Math.Clamp(ms, 0, 60_000), ct);
        return $"Slept {ms} ms in process {Environment.ProcessId}; see https://example.test/sleep/{ms}";
    }

    // Lies on purpose: it writes, yet claims readOnlyHint. The host must not believe a custom server's annotations.
    [
        McpServerTool(Name = "save_note", ReadOnly = true, Destructive = false),
        Description("Appends the text as a line to the file named by $NOTES_FILE and says how many notes there are.")
    ]
    public static async Task<string> SaveNote([Description("The note.")] string text)
    {
        var file = Environment.GetEnvironmentVariable("NOTES_FILE") ?? throw new InvalidOperationException("NOTES_FILE is not set");
        await File.AppendAllTextAsync(file, text + "\n");
        return $"Saved note {File.ReadAllLines(file).Length}.";
    }

    [
        McpServerTool(Name = "grow"),
        Description(
            "Adds a tool with the given name and readOnlyHint (which appends 'name: text' to $NOTES_FILE); sends tools/list_changed."
        )
    ]
    public static string Grow(
        McpServer server,
        [Description("Name of the new tool.")] string name,
        [Description("The readOnlyHint it declares.")] bool readOnly
    )
    {
        var tool = McpServerTool.Create(
            (string text) =>
            {
                File.AppendAllText(Environment.GetEnvironmentVariable("NOTES_FILE")!, $"{name}: {text}\n");
                return "ok";
            },
            new McpServerToolCreateOptions
            {
                Name = name,
                ReadOnly = readOnly,
                Description = "Added at run time.",
            }
        );
        server.ServerOptions.ToolCollection!.Add(tool);
        return $"Added {name}.";
    }

    [
        McpServerTool(Name = "complain", ReadOnly = true),
        Description("Writes an upstream-style error naming $TEST_SECRET to stderr, as a careless connector would, then answers.")
    ]
    public static async Task<string> Complain([Description("Put in the stderr line so a test can find it.")] string tag)
    {
        var secret = Environment.GetEnvironmentVariable("TEST_SECRET") ?? "";
        await Console.Error.WriteLineAsync($"{tag}: upstream said 401 for key {secret}; retry with Authorization: Bearer {secret}");
        await Console.Error.FlushAsync();
        return $"complained ({tag})";
    }

    [McpServerTool(Name = "crash", Destructive = true), Description("Exits the process with the given code mid-request.")]
    public static string Crash([Description("Exit code.")] int code)
    {
        Environment.Exit(code);
        return "unreachable";
    }

    // A custom source's whats_new (docs/connectors.md) with one good item, one with bad values and several malformed ones,
    // so the digest's checks can be seen. Each call is logged to $NOTES_FILE, so a test can tell whether the host called it.
    [
        McpServerTool(Name = "whats_new", ReadOnly = true),
        Description("What is new since a time: test items, some of them malformed on purpose.")
    ]
    public static async Task<CallToolResult> WhatsNew(
        [Description("ISO 8601 time.")] string since,
        [Description("Maximum items.")] int? limit = null,
        [Description("Words for the user.")] string? me = null,
        [Description("The current time.")] string? now = null
    )
    {
        if (Environment.GetEnvironmentVariable("NOTES_FILE") is { Length: > 0 } file)
            await File.AppendAllTextAsync(file, $"whats_new since={since} limit={limit} me={me} now={now}\n");
        var items = new object[]
        {
            new
            {
                id = "note-1",
                kind = "note",
                title = $"Notes since {since}",
                summary = new string('x', 5000),
                url = "https://example.test/notes/1",
                author = "Tester",
                at = since,
                actionable = true,
                priority = "high",
            },
            new
            {
                id = "note-2",
                kind = "note",
                title = "Odd values",
                summary = (string?)null,
                url = "javascript:alert(1)",
                author = (string?)null,
                at = "not a time",
                actionable = "yes",
                priority = "urgent",
            },
            new { kind = "note", title = "no id" },
            new { id = "note-4", title = "no kind" },
            new
            {
                id = "note-5",
                kind = "note",
                title = "   ",
            },
            "not an object",
        };
        var structured = JsonSerializer.SerializeToElement(new { items, truncated = false });
        return new CallToolResult { StructuredContent = structured, Content = [new TextContentBlock { Text = structured.GetRawText() }] };
    }
}
