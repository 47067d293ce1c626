using Mosaic.Server.Connectors.Custom;
using Mosaic.Server.Tests.Hub;

namespace Mosaic.Server.Tests.OAuth.Mcp;

/// <summary>connectors.json's <c>"auth": "oauth"</c> and <c>"scopes"</c>: strict, with messages that name the problem.</summary>
public class McpOAuthConfigTests
{
    static string Entry(string extra, string transport = "\"url\": \"https://wiki.example.com/mcp\"") =>
        $$"""{ "sources": [ { "id": "wiki", "name": "Wiki", {{transport}}{{extra}} } ] }""";

    [Fact]
    public void An_oauth_url_source_keeps_its_scopes()
    {
        var definition = CustomSourceTests
            .LoadSingle(Entry(""", "auth": "oauth", "scopes": ["wiki.read", "offline_access"]"""))
            .ToDefinition();

        Assert.Equal(["wiki.read", "offline_access"], definition.McpOAuth!.Scopes);
    }

    [Fact]
    public void Without_scopes_the_server_chooses_and_without_auth_there_is_no_oauth()
    {
        Assert.Empty(CustomSourceTests.LoadSingle(Entry(""", "auth": "oauth" """)).ToDefinition().McpOAuth!.Scopes);
        Assert.Null(CustomSourceTests.LoadSingle(Entry("")).ToDefinition().McpOAuth);
    }

    [Theory]
    [InlineData(""", "auth": "basic" """, "\"auth\" must be \"oauth\"")]
    [InlineData(""", "auth": true""", "\"auth\" must be a string")]
    [InlineData(""", "scopes": ["a"]""", "\"scopes\" only applies with \"auth\": \"oauth\"")]
    [InlineData(""", "auth": "oauth", "scopes": "a b" """, "\"scopes\" must be an array of strings")]
    [InlineData(""", "auth": "oauth", "scopes": ["a b"]""", "scopes: \"a b\" is not a scope")]
    public void A_bad_oauth_setting_is_refused_with_a_clear_message(string extra, string message)
    {
        var e = Assert.Throws<ConnectorsFileException>(() => CustomSourceTests.LoadSingle(Entry(extra)));
        Assert.Contains(message, e.Message);
    }

    [Fact]
    public void A_command_source_cannot_use_oauth()
    {
        var e = Assert.Throws<ConnectorsFileException>(() =>
            CustomSourceTests.LoadSingle(Entry(""", "auth": "oauth" """, "\"command\": \"wiki-mcp\""))
        );
        Assert.Contains("\"auth\" and \"scopes\" only apply to a \"url\" source", e.Message);
    }
}
