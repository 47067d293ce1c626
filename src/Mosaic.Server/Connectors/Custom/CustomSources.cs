using Mosaic.Server.Configuration;
using Mosaic.Server.Connectors.Hub;

namespace Mosaic.Server.Connectors.Custom;

public static class CustomSources
{
    /// <summary>
    /// The custom sources configured for this server (none when there is no file). Throws
    /// <see cref="ConnectorsFileException"/> on a malformed file so the server refuses to start.
    /// </summary>
    public static IReadOnlyList<SourceDefinition> Load(IConfiguration configuration, IReadOnlySet<string> builtInIds)
    {
        var path = ConnectorsFile.Locate(configuration[ConnectorsFile.FileVariable], configuration["MOSAIC_DATA_DIR"] ?? "./data");
        var inherited = SettingsBinding.Read<McpHubOptions>(configuration).InheritedVariables;
        return path is null ? [] : [.. ConnectorsFile.Load(path, builtInIds, inherited).Select(s => s.ToDefinition())];
    }
}
