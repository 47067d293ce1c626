using Mosaic.Server.Connectors.Custom;

namespace Mosaic.Server.Tests.Hub;

public class ConnectorsFileTests
{
    static readonly HashSet<string> BuiltIns = ["s3", "jira", "mysql", "slack", "github", "shopify", "google_workspace"];

    static string Write(string json)
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("mosaic-cf").FullName, "connectors.json");
        File.WriteAllText(path, json);
        return path;
    }

    [Fact]
    public void The_issues_example_loads()
    {
        var path = Write(
            """
            { "sources": [
              { "id": "files", "name": "Team files", "description": "Shared drive",
                "command": "npx", "args": ["-y", "@modelcontextprotocol/server-filesystem", "/srv/share"],
                "credentials": [ { "name": "token", "label": "Token", "type": "password", "required": false, "env_var": "FILES_TOKEN" } ] },
              { "id": "wiki", "name": "Wiki", "url": "https://mcp.example.com/mcp",
                "headers": { "Authorization": "Bearer {token}" },
                "credentials": [ { "name": "token", "label": "API token", "type": "password", "required": true } ] }
            ] }
            """
        );

        var sources = ConnectorsFile.Load(path, BuiltIns);

        Assert.Equal(["files", "wiki"], sources.Select(s => s.Id));
        var files = sources[0];
        Assert.Equal(("npx", "Shared drive"), (files.Command, files.Description));
        Assert.Equal(["-y", "@modelcontextprotocol/server-filesystem", "/srv/share"], files.Args);
        Assert.Equal(new CustomCredentialField("token", "Token", "password", false, "FILES_TOKEN"), Assert.Single(files.Credentials));
        var wiki = sources[1];
        Assert.Equal(new Uri("https://mcp.example.com/mcp"), wiki.Url);
        Assert.Equal("Bearer {token}", wiki.Headers["Authorization"]);
        Assert.True(Assert.Single(wiki.Credentials).Required);
    }

    [Theory]
    [InlineData(
        """{ "sources": [ { "id": "a", "name": "A", "command": "x" }, { "id": "b", "name": "B" } ] }""",
        "sources[1] (id \"b\"): give exactly one of \"command\" (stdio) or \"url\""
    )]
    [InlineData(
        """{ "sources": [ { "id": "a", "name": "A", "command": "x", "url": "https://x/mcp" } ] }""",
        "sources[0] (id \"a\"): give exactly one of"
    )]
    [InlineData("""{ "sources": [ { "name": "A", "command": "x" } ] }""", "sources[0]: \"id\" is required")]
    [InlineData("""{ "sources": [ { "id": "Bad Id", "name": "A", "command": "x" } ] }""", "sources[0]: \"id\" must be 1-64 lower-case")]
    [InlineData("""{ "sources": [ { "id": "a", "command": "x" } ] }""", "sources[0] (id \"a\"): \"name\" is required")]
    [InlineData("""{ "sources": [ { "id": "a", "name": "A", "url": "ftp://x" } ] }""", "(id \"a\"): \"url\" must be an absolute http")]
    [InlineData(
        """{ "sources": [ { "id": "a", "name": "A", "command": "x", "args": "-y" } ] }""",
        "(id \"a\"): \"args\" must be an array of strings"
    )]
    [InlineData("""{ "sources": [ { "id": "a", "name": "A", "command": "x", "comand": "y" } ] }""", "(id \"a\"): unknown field \"comand\"")]
    [InlineData(
        """{ "sources": [ { "id": "a", "name": "A", "url": "https://x/mcp", "headers": { "Authorization": "Bearer {tokn}" }, """
            + """ "credentials": [ { "name": "token" } ] } ] }""",
        "(id \"a\"): headers.Authorization uses {tokn}, which is not one of its \"credentials\""
    )]
    [InlineData(
        """{ "sources": [ { "id": "a", "name": "A", "command": "x", "credentials": [ { "name": "t", "env_var": "LD_PRELOAD" } ] } ] }""",
        "(id \"a\"): credentials[0]: \"env_var\" \"LD_PRELOAD\" is not allowed"
    )]
    [InlineData(
        """{ "sources": [ { "id": "a", "name": "A", "command": "x", "credentials": [ { "name": "t", "required": "yes" } ] } ] }""",
        "credentials[0]: \"required\" must be true or false"
    )]
    [InlineData(
        """{ "sources": [ { "id": "a", "name": "A", "command": "x" }, { "id": "a", "name": "A2", "command": "y" } ] }""",
        "sources[1] (id \"a\"): \"id\" is used by an earlier source too"
    )]
    [InlineData(
        """{ "sources": [ { "id": "slack", "name": "My Slack", "command": "x" } ] }""",
        "sources[0] (id \"slack\"): \"id\" is taken by a built-in connector"
    )]
    [InlineData("""{ "servers": [] }""", "expected an object with a \"sources\" array")]
    [InlineData("""{ "sources": [ { "id": "a", """, "not valid JSON")]
    public void A_malformed_file_is_refused_with_a_message_naming_the_problem(string json, string expected)
    {
        var path = Write(json);
        var e = Assert.Throws<ConnectorsFileException>(() => ConnectorsFile.Load(path, BuiltIns));
        Assert.StartsWith(path + ":", e.Message);
        Assert.Contains(expected, e.Message);
    }

    static string WithEnvVar(string name) =>
        $$"""{ "sources": [ { "id": "a", "name": "A", "command": "x", "credentials": [ { "name": "t", "env_var": "{{name}}" } ] } ] }""";

    [Theory]
    // Loaders, runtimes and interpreters.
    [InlineData("LD_PRELOAD")]
    [InlineData("LD_LIBRARY_PATH")]
    [InlineData("ld_audit")]
    [InlineData("DYLD_INSERT_LIBRARIES")]
    [InlineData("CORECLR_PROFILER_PATH")]
    [InlineData("CORECLR_ENABLE_PROFILING")]
    [InlineData("COMPlus_EnableDiagnostics")]
    [InlineData("DOTNET_STARTUP_HOOKS")]
    [InlineData("DOTNET_ROOT")]
    [InlineData("ASPNETCORE_HOSTINGSTARTUPASSEMBLIES")]
    [InlineData("NODE_OPTIONS")]
    [InlineData("node_path")]
    [InlineData("NPM_CONFIG_REGISTRY")]
    [InlineData("PYTHONPATH")]
    [InlineData("PYTHONSTARTUP")]
    [InlineData("PYTHONHOME")]
    [InlineData("PIP_INDEX_URL")]
    [InlineData("UV_INDEX_URL")]
    [InlineData("PERL5OPT")]
    [InlineData("PERL5LIB")]
    [InlineData("PERLLIB")]
    [InlineData("RUBYOPT")]
    [InlineData("RUBYLIB")]
    [InlineData("GEM_PATH")]
    [InlineData("BUNDLE_GEMFILE")]
    [InlineData("JAVA_TOOL_OPTIONS")]
    [InlineData("JAVA_HOME")]
    [InlineData("_JAVA_OPTIONS")]
    [InlineData("JDK_JAVA_OPTIONS")]
    [InlineData("CLASSPATH")]
    [InlineData("GCONV_PATH")]
    [InlineData("GLIBC_TUNABLES")]
    // Proxies, in any case.
    [InlineData("HTTP_PROXY")]
    [InlineData("https_proxy")]
    [InlineData("ALL_PROXY")]
    [InlineData("no_proxy")]
    // Shells and the process's basics.
    [InlineData("PATH")]
    [InlineData("HOME")]
    [InlineData("SHELL")]
    [InlineData("BASH_ENV")]
    [InlineData("ENV")]
    [InlineData("IFS")]
    [InlineData("TMPDIR")]
    [InlineData("PS4")]
    // TLS, git, locale, Mosaic's own, and what the host passes every connector itself.
    [InlineData("SSL_CERT_FILE")]
    [InlineData("OPENSSL_CONF")]
    [InlineData("GIT_SSH_COMMAND")]
    [InlineData("GIT_CONFIG_GLOBAL")]
    [InlineData("LANG")]
    [InlineData("LC_ALL")]
    [InlineData("LOCALE")]
    [InlineData("MOSAIC_EGRESS_ALLOW")]
    [InlineData("MOSAIC_MCP_SESSION")]
    [InlineData("USER")]
    [InlineData("TERM")]
    [InlineData("TZ")]
    [InlineData("SYSTEMROOT")]
    // Not a variable name.
    [InlineData("MY-TOKEN")]
    [InlineData("1TOKEN")]
    [InlineData("MY TOKEN")]
    [InlineData("TOKEN=x")]
    public void A_credential_cannot_be_passed_in_a_variable_that_changes_how_the_connector_starts(string name)
    {
        var path = Write(WithEnvVar(name));
        var e = Assert.Throws<ConnectorsFileException>(() => ConnectorsFile.Load(path, BuiltIns));
        Assert.StartsWith(path + ":", e.Message);
        Assert.Contains($"(id \"a\"): credentials[0]: \"env_var\" \"{name}\" is not allowed", e.Message);
    }

    [Theory]
    [InlineData("FILES_TOKEN")]
    [InlineData("GITLAB_TOKEN")]
    [InlineData("api_key")]
    [InlineData("_TOKEN")]
    [InlineData("NODEJS_TOKEN")]
    [InlineData("JAVATOKEN")]
    [InlineData("HOMEPAGE_URL")]
    [InlineData("PATHFINDER_KEY")]
    public void Ordinary_names_are_accepted(string name) =>
        Assert.Equal(name, Assert.Single(Assert.Single(ConnectorsFile.Load(Write(WithEnvVar(name)), BuiltIns)).Credentials).EnvVar);

    [Fact]
    public void Variables_the_operator_lets_every_connector_inherit_are_refused_too()
    {
        var path = Write(WithEnvVar("CORP_CA_BUNDLE"));
        Assert.Single(ConnectorsFile.Load(path, BuiltIns));
        var e = Assert.Throws<ConnectorsFileException>(() => ConnectorsFile.Load(path, BuiltIns, ["CORP_CA_BUNDLE"]));
        Assert.Contains("\"CORP_CA_BUNDLE\" is not allowed: the host passes this variable to every connector itself", e.Message);
    }

    [Fact]
    public void Read_only_tools_are_read_strictly()
    {
        var ok = Write(
            """
            { "sources": [ { "id": "a", "name": "A", "command": "x", "read_only_tools": ["list_things", "get-thing", "v2.read"] } ] }
            """
        );
        var none = Write("""{ "sources": [ { "id": "a", "name": "A", "command": "x" } ] }""");
        Assert.Equal(["list_things", "get-thing", "v2.read"], Assert.Single(ConnectorsFile.Load(ok, BuiltIns)).ReadOnlyTools);
        Assert.Empty(Assert.Single(ConnectorsFile.Load(none, BuiltIns)).ReadOnlyTools);

        foreach (
            var (value, expected) in new[]
            {
                ("\"list_things\"", "\"read_only_tools\" must be an array of tool names"),
                ("[1]", "\"read_only_tools\" must be an array of tool names"),
                ("[\"\"]", "read_only_tools: \"\" is not a tool name"),
                ("[\"rm -rf\"]", "read_only_tools: \"rm -rf\" is not a tool name"),
                ("[\"a\", \"a\"]", "read_only_tools: \"a\" appears twice"),
            }
        )
        {
            var path = Write($$"""{ "sources": [ { "id": "a", "name": "A", "url": "https://x/mcp", "read_only_tools": {{value}} } ] }""");
            var e = Assert.Throws<ConnectorsFileException>(() => ConnectorsFile.Load(path, BuiltIns));
            Assert.Contains($"(id \"a\"): {expected}", e.Message);
        }
    }

    [Fact]
    public void An_explicit_file_that_does_not_exist_is_refused_and_no_default_file_means_no_sources()
    {
        var e = Assert.Throws<ConnectorsFileException>(() => ConnectorsFile.Locate("/nonexistent/connectors.json", null));
        Assert.Contains("MOSAIC_CONNECTORS_FILE names /nonexistent/connectors.json", e.Message);
        Assert.Null(ConnectorsFile.Locate(null, Directory.CreateTempSubdirectory("mosaic-data").FullName));
        var dir = Path.GetDirectoryName(Write("""{ "sources": [] }"""))!;
        Assert.Equal(Path.Combine(dir, "connectors.json"), ConnectorsFile.Locate(null, dir));
    }
}
