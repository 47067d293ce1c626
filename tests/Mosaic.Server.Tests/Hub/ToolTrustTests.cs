using System.Text.Json;
using Mosaic.Server.Connectors.Custom;
using Mosaic.Server.Connectors.Hub;

namespace Mosaic.Server.Tests.Hub;

/// <summary>
/// A custom server's annotations are not believed (tests/Mosaic.TestMcpServer's save_note writes yet claims
/// readOnlyHint): only connectors.json's read_only_tools makes a custom tool read-only, cached and routable by keywords.
/// </summary>
public class ToolTrustTests
{
    /// <summary>The test server as a custom source loaded from connectors.json, the way the server loads it.</summary>
    internal static string SourceJson(string id, string readOnlyTools = "")
    {
        var (command, args) = TestServerTests.Locate();
        var vouched = readOnlyTools.Length > 0 ? $", \"read_only_tools\": [{readOnlyTools}]" : "";
        return $$"""
            { "id": "{{id}}", "name": "Notes {{id}}",
              "command": {{JsonSerializer.Serialize(command)}}, "args": {{JsonSerializer.Serialize(args)}}{{vouched}},
              "credentials": [ { "name": "notes_file", "label": "Notes file", "type": "text", "env_var": "NOTES_FILE" } ] }
            """;
    }

    static (HubHarness Hub, string Notes) Start(string readOnlyTools = "", CapturedLogs? logs = null)
    {
        var notes = Path.Combine(Directory.CreateTempSubdirectory("mosaic-notes").FullName, "notes.txt");
        var source = CustomSourceTests.LoadSingle($$"""{ "sources": [ {{SourceJson("notes", readOnlyTools)}} ] }""");
        var h = new HubHarness(logs: logs);
        h.Resolver.Set("alice", "notes", CustomSourceTests.Spec(source, new Dictionary<string, string> { ["notes_file"] = notes }));
        return (h, notes);
    }

    static Task<McpToolResult> SaveAsync(HubHarness h, string text) =>
        h.Hub.CallToolAsync("alice", "notes", "save_note", HubHarness.Args(new { text }), CancellationToken.None);

    static string[] Lines(string file) => File.Exists(file) ? File.ReadAllLines(file) : [];

    [Fact]
    public async Task A_custom_tool_claiming_read_only_is_treated_as_a_write_and_never_cached()
    {
        var (h, notes) = Start();
        await using var _ = h;

        var tools = await h.Hub.ListToolsAsync("alice", "notes", CancellationToken.None);
        var first = await SaveAsync(h, "same words");
        var second = await SaveAsync(h, "same words");

        // The server says readOnlyHint: true, destructiveHint: false for both; neither is believed.
        Assert.Contains(tools, t => t is { Name: "save_note", ReadOnly: false, Destructive: true, Trusted: false });
        Assert.Contains(tools, t => t is { Name: "pid", ReadOnly: false, Trusted: false });
        Assert.False(first.FromCache);
        Assert.False(second.FromCache);
        Assert.Equal(["same words", "same words"], Lines(notes)); // the server saw both calls
        Assert.Equal("Saved note 2.", second.Text);
    }

    [Fact]
    public async Task A_tool_listed_in_read_only_tools_is_read_only_and_its_results_are_cached()
    {
        var (h, notes) = Start(readOnlyTools: "\"save_note\"");
        await using var _ = h;

        var tools = await h.Hub.ListToolsAsync("alice", "notes", CancellationToken.None);
        var first = await SaveAsync(h, "same words");
        var second = await SaveAsync(h, "same words");

        Assert.Contains(tools, t => t is { Name: "save_note", ReadOnly: true, Destructive: false, Trusted: true });
        Assert.Contains(tools, t => t is { Name: "pid", ReadOnly: false, Trusted: false }); // only what is listed
        Assert.False(first.FromCache);
        Assert.True(second.FromCache);
        Assert.Equal(["same words"], Lines(notes)); // the operator vouched for it, so the second came from the cache
    }

    [Fact]
    public async Task A_changed_tool_list_is_judged_again_and_the_operators_list_wins()
    {
        var logs = new CapturedLogs();
        var (h, notes) = Start(readOnlyTools: "\"save_note\", \"late_read\"", logs);
        await using var _ = h;
        var before = await h.Hub.ListToolsAsync("alice", "notes", CancellationToken.None);
        Assert.DoesNotContain(before, t => t.Name.StartsWith("late_", StringComparison.Ordinal));

        // Listed but declared not read-only; unlisted but declared read-only. The server sends tools/list_changed.
        Task<McpToolResult> Grow(string name, bool readOnly) =>
            h.Hub.CallToolAsync("alice", "notes", "grow", HubHarness.Args(new { name, readOnly }), CancellationToken.None);
        var grown = new[] { await Grow("late_read", readOnly: false), await Grow("late_write", readOnly: true) };
        Assert.Equal(["Added late_read.", "Added late_write."], grown.Select(g => g.Text));

        // Well within the 300 s tool-list cache: only the notification can make the new tools appear.
        var deadline = DateTime.UtcNow.AddSeconds(15);
        IReadOnlyList<McpToolInfo> after;
        do
        {
            after = await h.Hub.ListToolsAsync("alice", "notes", CancellationToken.None);
            if (after.Count(t => t.Name.StartsWith("late_", StringComparison.Ordinal)) == 2)
                break;
            await Task.Delay(100);
        } while (DateTime.UtcNow < deadline);
        Assert.Contains(after, t => t is { Name: "late_read", ReadOnly: true, Trusted: true });
        Assert.Contains(after, t => t is { Name: "late_write", ReadOnly: false, Trusted: false });

        var write1 = await h.Hub.CallToolAsync("alice", "notes", "late_write", HubHarness.Args(new { text = "x" }), CancellationToken.None);
        var write2 = await h.Hub.CallToolAsync("alice", "notes", "late_write", HubHarness.Args(new { text = "x" }), CancellationToken.None);
        Assert.False(write2.FromCache, write1.Text);
        Assert.Equal(["late_write: x", "late_write: x"], Lines(notes));
        // The operator hears about names the server lacked, and about a listed tool the server calls a write.
        bool Warned(string text) => logs.Lines.Any(l => l.StartsWith("Warning") && l.Contains($"read_only_tools lists late_read, {text}"));
        Assert.True(Warned("which the server does not offer"));
        Assert.True(Warned("which the server does not call read-only"));
    }

    [Fact]
    public void Built_in_connectors_keep_their_annotations_and_custom_sources_keep_only_the_list()
    {
        var schema = JsonDocument.Parse("{}").RootElement;
        var claim = new DeclaredTool("save_note", null, schema, ReadOnlyHint: true, DestructiveHint: false);
        var builtIn = Mosaic.Server.Sources.BuiltInSources.Definitions.First(c => c.Id == "slack");
        var custom = CustomSourceTests.LoadSingle($$"""{ "sources": [ {{SourceJson("notes")}} ] }""").ToDefinition();

        Assert.True(ToolTrust.For(builtIn).Apply(claim) is { ReadOnly: true, Trusted: true });
        Assert.True(
            ToolTrust.For(builtIn).Apply(claim with { ReadOnlyHint = null, DestructiveHint = null })
                is { ReadOnly: false, Destructive: true }
        );
        Assert.True(ToolTrust.For(custom).Apply(claim) is { ReadOnly: false, Destructive: true, Trusted: false });
        Assert.True(
            ToolTrust.For(custom with { ReadOnlyTools = ["save_note"] }).Apply(claim with { ReadOnlyHint = false })
                is { ReadOnly: true, Trusted: true }
        );
    }
}
