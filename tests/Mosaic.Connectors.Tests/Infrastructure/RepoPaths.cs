using System.Reflection;

namespace Mosaic.Connectors.Tests.Infrastructure;

/// <summary>Finds the repository and the connector builds that match this test assembly's configuration.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>"Debug" or "Release": whatever this test assembly was built as, so tests run the matching connector build.</summary>
    public static string Configuration { get; } =
        typeof(RepoPaths).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";

    /// <summary>Path of a connector's built dll, e.g. ConnectorDll("MySql").</summary>
    public static string ConnectorDll(string name)
    {
        var path = Path.Combine(Root, "src", $"Mosaic.Connectors.{name}", "bin", Configuration, "net10.0", $"Mosaic.Connectors.{name}.dll");
        if (!File.Exists(path))
            throw new FileNotFoundException(
                $"Connector build not found at {path}. Build it first (the test project references every connector, so `dotnet build "
                    + $"tests/Mosaic.Connectors.Tests -c {Configuration}` does)."
            );
        return path;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Mosaic.slnx")))
                return dir.FullName;
        throw new InvalidOperationException($"Mosaic.slnx not found above {AppContext.BaseDirectory}");
    }
}
