using Mosaic.Server.Configuration;

namespace Mosaic.Server.Tests.Infrastructure;

/// <summary>
/// MOSAIC_SQLITE_DIRS: a bad entry, or one that overlaps the data dir by path or by link, stops start-up naming the variable.
/// </summary>
public sealed class SqliteDirsSettingTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("mosaic-sqlite-setting-");

    private string DataDir => Path.Combine(_root.FullName, "data");

    private IReadOnlyList<string> Errors(string dirs)
    {
        Directory.CreateDirectory(Path.Combine(DataDir, "secrets"));
        var settings = new MosaicSettings { DataDir = DataDir, SqliteDirs = dirs };
        return new MosaicSettingsValidator().Validate(null, settings).Failures?.ToList() ?? [];
    }

    [Fact]
    public void Directories_outside_the_data_dir_are_accepted()
    {
        var a = Directory.CreateDirectory(Path.Combine(_root.FullName, "a")).FullName;
        var b = Directory.CreateDirectory(Path.Combine(_root.FullName, "b")).FullName;
        Assert.Empty(Errors($"{a}, {b},"));
        Assert.Empty(Errors(""));
    }

    [Theory]
    [InlineData("{data}", "is MOSAIC_DATA_DIR")] // the data dir itself
    [InlineData("{data}/secrets", "is inside MOSAIC_DATA_DIR")]
    [InlineData("{root}", "contains MOSAIC_DATA_DIR")] // a parent of the data dir
    [InlineData("{root}/to-data", "is MOSAIC_DATA_DIR")] // a link to the data dir
    [InlineData("{root}/to-secrets", "is inside MOSAIC_DATA_DIR")]
    [InlineData("relative/dir", "absolute paths")]
    [InlineData("{root}/missing", "not an existing directory")]
    public void Overlapping_or_bad_entries_are_named(string entry, string why)
    {
        Directory.CreateDirectory(Path.Combine(DataDir, "secrets"));
        if (!Directory.Exists(Path.Combine(_root.FullName, "to-data")))
        {
            Directory.CreateSymbolicLink(Path.Combine(_root.FullName, "to-data"), DataDir);
            Directory.CreateSymbolicLink(Path.Combine(_root.FullName, "to-secrets"), Path.Combine(DataDir, "secrets"));
        }
        var error = Assert.Single(Errors(entry.Replace("{data}", DataDir).Replace("{root}", _root.FullName)));
        Assert.StartsWith("MOSAIC_SQLITE_DIRS", error);
        Assert.Contains(why, error);
    }

    [Fact]
    public async Task The_server_refuses_to_start_when_the_list_holds_the_data_dir()
    {
        await using var app = await MosaicAppFactory.StartNewAsync();
        app.Settings["MOSAIC_SQLITE_DIRS"] = app.Database.DataDir;
        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());
        Assert.Contains("MOSAIC_SQLITE_DIRS", error.ToString());
        Assert.Contains("MOSAIC_DATA_DIR", error.ToString());
    }

    public void Dispose() => _root.Delete(recursive: true);
}
