using Mosaic.Server.Connectors.Hub;

namespace Mosaic.Server.Tests.Hub;

public class BuiltInConnectorLocatorTests
{
    const string Name = "Mosaic.Connectors.Example";

    static string Touch(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "");
        return path;
    }

    [Fact]
    public void A_published_binary_in_MOSAIC_CONNECTORS_DIR_runs_directly()
    {
        var dir = Directory.CreateTempSubdirectory("mosaic-conn").FullName;
        var exe = Touch(Path.Combine(dir, Name, Name));
        var (command, args) = new BuiltInConnectorLocator(dir, Directory.CreateTempSubdirectory("mosaic-base").FullName).Locate(Name);
        Assert.Equal(exe, command);
        Assert.Empty(args);
    }

    [Fact]
    public void Connectors_next_to_the_server_run_with_dotnet()
    {
        var baseDir = Directory.CreateTempSubdirectory("mosaic-base").FullName;
        var dll = Touch(Path.Combine(baseDir, "connectors", Name, Name + ".dll"));
        var (command, args) = new BuiltInConnectorLocator(null, baseDir).Locate(Name);
        Assert.Equal("dotnet", Path.GetFileNameWithoutExtension(command));
        Assert.Equal([dll], args);
    }

    [Fact]
    public void In_a_repository_the_build_output_is_used()
    {
        var root = Directory.CreateTempSubdirectory("mosaic-repo").FullName;
        Touch(Path.Combine(root, "Mosaic.slnx"));
        var dll = Touch(Path.Combine(root, "src", Name, "bin", "Release", "net10.0", Name + ".dll"));
        var serverBin = Path.Combine(root, "src", "Mosaic.Server", "bin", "Release", "net10.0");
        Directory.CreateDirectory(serverBin);

        var (_, args) = new BuiltInConnectorLocator(null, serverBin).Locate(Name);

        Assert.Equal([dll], args);
    }

    [Fact]
    public void A_missing_connector_gives_an_error_saying_where_it_looked()
    {
        var baseDir = Directory.CreateTempSubdirectory("mosaic-base").FullName;
        var e = Assert.Throws<FileNotFoundException>(() => new BuiltInConnectorLocator("/nonexistent", baseDir).Locate(Name));
        Assert.Contains($"The connector program {Name} was not found", e.Message);
        Assert.Contains(Path.Combine("/nonexistent", Name, Name), e.Message);
        Assert.Contains("MOSAIC_CONNECTORS_DIR", e.Message);
    }
}
