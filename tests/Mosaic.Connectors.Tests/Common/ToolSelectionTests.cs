using System.ComponentModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ModelContextProtocol.Server;
using Mosaic.Connectors.Common.Configuration;
using Mosaic.Connectors.Common.Hosting;

namespace Mosaic.Connectors.Tests.Common;

public class ToolSelectionTests
{
    [McpServerToolType]
    public sealed class SampleTools
    {
        [McpServerTool(Name = "read_thing", ReadOnly = true), Description("reads")]
        public static string Read() => "r";

        [McpServerTool(Name = "delete_thing", Destructive = true), Description("deletes")]
        public static string Delete() => "d";

        [McpServerTool(Name = "list_things", ReadOnly = true), Description("lists")]
        public static string List() => "l";
    }

    private static IReadOnlyList<string> ToolsWith(Dictionary<string, string> env)
    {
        using var host = ConnectorHost.Build(
            [],
            new ConnectorInfo("sample", "Sample"),
            c => c.AddTools<SampleTools>(),
            new EnvConfig(n => env.GetValueOrDefault(n))
        );
        var options = host.Services.GetRequiredService<IOptions<McpServerOptions>>().Value;
        return options.ToolCollection!.Select(t => t.ProtocolTool.Name).Order().ToList();
    }

    [Fact]
    public void All_tools_by_default() => Assert.Equal(["delete_thing", "list_things", "read_thing"], ToolsWith([]));

    [Fact]
    public void Read_only_hides_tools_not_marked_read_only() =>
        Assert.Equal(["list_things", "read_thing"], ToolsWith(new() { ["READ_ONLY"] = "true" }));

    [Fact]
    public void Tools_list_keeps_only_named_tools() =>
        Assert.Equal(["delete_thing", "read_thing"], ToolsWith(new() { ["TOOLS"] = " read_thing, delete_thing " }));

    [Fact]
    public void Read_only_and_tools_combine() =>
        Assert.Equal(["read_thing"], ToolsWith(new() { ["TOOLS"] = "read_thing,delete_thing", ["READ_ONLY"] = "1" }));

    [Fact]
    public void Unknown_tool_names_are_a_startup_error_naming_them()
    {
        var ex = Assert.Throws<ConnectorConfigException>(() => ToolsWith(new() { ["TOOLS"] = "read_thing,drop_all,zap" }));
        Assert.Contains("drop_all, zap", ex.Message);
        Assert.Contains("Available: delete_thing, list_things, read_thing", ex.Message);
    }

    [Fact]
    public void Bad_read_only_value_is_a_startup_error()
    {
        var ex = Assert.Throws<ConnectorConfigException>(() => ToolsWith(new() { ["READ_ONLY"] = "maybe" }));
        Assert.Contains("READ_ONLY must be true or false", ex.Message);
    }
}
