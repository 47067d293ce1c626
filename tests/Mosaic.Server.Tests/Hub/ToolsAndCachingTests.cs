using System.Text.Json;
using Mosaic.Server.Connectors.Hub;

namespace Mosaic.Server.Tests.Hub;

public class ToolsAndCachingTests
{
    // server-filesystem with its annotations believed, as a built-in connector's are (ToolTrustTests cover custom sources).
    static StdioLaunchSpec Files(string root) =>
        new(TestTools.Filesystem, [root], new Dictionary<string, string>()) { Trust = ToolTrust.Annotations };

    [Fact]
    public async Task Tool_lists_carry_the_servers_annotations_and_are_cached()
    {
        await using var h = new HubHarness();
        var root = Directory.CreateTempSubdirectory("mosaic-fs").FullName;
        h.Resolver.Set("alice", "files", Files(root));

        var tools = await h.Hub.ListToolsAsync("alice", "files", CancellationToken.None);
        var resolvesBefore = h.Resolver.Calls;
        var again = await h.Hub.ListToolsAsync("alice", "files", CancellationToken.None);

        var write = Assert.Single(tools, t => t.Name == "write_file");
        Assert.False(write.ReadOnly);
        var read = Assert.Single(tools, t => t.Name == "read_text_file");
        Assert.True(read.ReadOnly);
        Assert.Equal(JsonValueKind.Object, read.InputSchema.ValueKind);
        Assert.True(read.InputSchema.GetProperty("properties").TryGetProperty("path", out _));
        Assert.Equal(tools.Select(t => t.Name), again.Select(t => t.Name));
        Assert.Equal(resolvesBefore + 1, h.Resolver.Calls); // credentials are checked on every request
    }

    [Fact]
    public async Task Writes_are_never_cached_reads_are()
    {
        await using var h = new HubHarness();
        var root = Directory.CreateTempSubdirectory("mosaic-fs").FullName;
        var file = Path.Combine(root, "note.txt");
        h.Resolver.Set("alice", "files", Files(root));
        var args = HubHarness.Args(new { path = file, content = "v1" });

        var first = await h.Hub.CallToolAsync("alice", "files", "write_file", args, CancellationToken.None);
        File.WriteAllText(file, "changed behind its back");
        var second = await h.Hub.CallToolAsync("alice", "files", "write_file", args, CancellationToken.None);

        Assert.False(first.IsError, first.Text);
        Assert.False(second.FromCache);
        Assert.Equal("v1", File.ReadAllText(file)); // the second write really ran

        var read1 = await h.Hub.CallToolAsync(
            "alice",
            "files",
            "read_text_file",
            HubHarness.Args(new { path = file }),
            CancellationToken.None
        );
        var read2 = await h.Hub.CallToolAsync(
            "alice",
            "files",
            "read_text_file",
            HubHarness.Args(new { path = file }),
            CancellationToken.None
        );
        Assert.Contains("v1", read1.Text);
        Assert.False(read1.FromCache);
        Assert.True(read2.FromCache);
    }

    [Fact]
    public async Task Tool_errors_come_back_as_results_and_are_not_cached()
    {
        await using var h = new HubHarness();
        var root = Directory.CreateTempSubdirectory("mosaic-fs").FullName;
        h.Resolver.Set("alice", "files", Files(root));
        var outside = HubHarness.Args(new { path = "/etc/hostname" });

        var first = await h.Hub.CallToolAsync("alice", "files", "read_text_file", outside, CancellationToken.None);
        var second = await h.Hub.CallToolAsync("alice", "files", "read_text_file", outside, CancellationToken.None);
        var unknown = await h.Hub.CallToolAsync("alice", "files", "no_such_tool", null, CancellationToken.None);

        Assert.True(first.IsError);
        Assert.Contains("outside allowed directories", first.Text, StringComparison.OrdinalIgnoreCase);
        Assert.False(second.FromCache);
        Assert.True(unknown.IsError);
        Assert.Contains("no tool named 'no_such_tool'", unknown.Text);
        Assert.Equal(BreakerState.Closed, h.Hub.GetBreakerState("alice", "files"));
    }

    [Fact]
    public void Result_cache_keys_ignore_argument_order_and_separate_users_tools_and_arguments()
    {
        var a = new Dictionary<string, JsonElement>
        {
            ["b"] = JsonSerializer.SerializeToElement(new { y = 1, x = 2 }),
            ["a"] = JsonSerializer.SerializeToElement("v"),
        };
        var b = new Dictionary<string, JsonElement>
        {
            ["a"] = JsonSerializer.SerializeToElement("v"),
            ["b"] = JsonSerializer.SerializeToElement(new { x = 2, y = 1 }),
        };
        var alice = new SessionKey("alice", "mysql");

        Assert.Equal(McpHubCache.ResultKey(alice, "query", a), McpHubCache.ResultKey(alice, "query", b));
        Assert.NotEqual(McpHubCache.ResultKey(alice, "query", a), McpHubCache.ResultKey(new("bob", "mysql"), "query", a));
        Assert.NotEqual(McpHubCache.ResultKey(alice, "query", a), McpHubCache.ResultKey(alice, "other", a));
        Assert.NotEqual(McpHubCache.ResultKey(alice, "query", a), McpHubCache.ResultKey(alice, "query", null));
        Assert.NotEqual(McpHubCache.ResultKey(new("a:b", "c"), "t", null), McpHubCache.ResultKey(new("a", "b:c"), "t", null));
    }

    [Theory]
    [InlineData("describe_table", true)]
    [InlineData("list_tables", true)]
    [InlineData("get_schema", true)]
    [InlineData("table_schema", true)]
    [InlineData("query", false)]
    [InlineData("list_channels", false)]
    public void Schema_like_tools_get_the_long_ttl(string tool, bool schema) => Assert.Equal(schema, McpHubCache.IsSchemaTool(tool));
}
