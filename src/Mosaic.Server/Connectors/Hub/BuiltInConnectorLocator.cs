namespace Mosaic.Server.Connectors.Hub;

/// <summary>
/// Finds the program of a built-in connector (e.g. <c>Mosaic.Connectors.Slack</c>), in this order:
/// <list type="number">
/// <item><c>$MOSAIC_CONNECTORS_DIR/&lt;Name&gt;/&lt;Name&gt;</c> (or <c>$MOSAIC_CONNECTORS_DIR/&lt;Name&gt;</c>):
/// a published native/AOT or self-contained binary, run directly; a <c>.dll</c> there is run with dotnet;</item>
/// <item><c>&lt;server dir&gt;/connectors/&lt;Name&gt;/&lt;Name&gt;(.dll)</c>: connectors published next to the server;</item>
/// <item>development and tests: <c>src/&lt;Name&gt;/bin/&lt;Configuration&gt;/net10.0/&lt;Name&gt;.dll</c> in the
/// repository found by walking up from the server to <c>Mosaic.slnx</c>, run with dotnet.</item>
/// </list>
/// </summary>
public sealed class BuiltInConnectorLocator(string? connectorsDir = null, string? baseDir = null)
{
    public const string DirVariable = "MOSAIC_CONNECTORS_DIR";

    readonly string? _connectorsDir = connectorsDir ?? Environment.GetEnvironmentVariable(DirVariable);
    readonly string _baseDir = baseDir ?? AppContext.BaseDirectory;

    /// <summary>The command and arguments that start the connector. Throws a clear error when absent.</summary>
    public (string Command, IReadOnlyList<string> Arguments) Locate(string assemblyName)
    {
        var tried = new List<string>();
        foreach (var candidate in Candidates(assemblyName))
        {
            tried.Add(candidate);
            if (!File.Exists(candidate))
                continue;
            return candidate.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) ? (DotnetHost(), [candidate]) : (candidate, []);
        }
        throw new FileNotFoundException(
            $"The connector program {assemblyName} was not found. Looked in: {string.Join(", ", tried)}. "
                + $"Publish the connectors and set {DirVariable}, or build the solution."
        );
    }

    IEnumerable<string> Candidates(string name)
    {
        var exe = OperatingSystem.IsWindows() ? name + ".exe" : name;
        if (!string.IsNullOrWhiteSpace(_connectorsDir))
        {
            yield return Path.Combine(_connectorsDir, name, exe);
            yield return Path.Combine(_connectorsDir, name, name + ".dll");
            yield return Path.Combine(_connectorsDir, exe);
            yield return Path.Combine(_connectorsDir, name + ".dll");
        }
        yield return Path.Combine(_baseDir, "connectors", name, exe);
        yield return Path.Combine(_baseDir, "connectors", name, name + ".dll");
        if (FindRepositoryRoot() is { } root)
            foreach (var configuration in Configurations())
                yield return Path.Combine(root, "src", name, "bin", configuration, "net10.0", name + ".dll");
    }

    // The server's own configuration first, so a Release test run uses Release connectors.
    static string[] Configurations() =>
#if DEBUG
        ["Debug", "Release"];
#else
        ["Release", "Debug"];
#endif

    string? FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(_baseDir); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Mosaic.slnx")))
                return dir.FullName;
        return null;
    }

    /// <summary>The dotnet host running us (set by the SDK and by dotnet itself), else dotnet on PATH.</summary>
    static string DotnetHost()
    {
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host))
            return host;
        var self = Environment.ProcessPath;
        return self is not null && Path.GetFileNameWithoutExtension(self) == "dotnet" ? self : "dotnet";
    }
}
