using Mosaic.Server.Sources.S3;

namespace Mosaic.Server.Demo;

/// <summary>
/// s3rver (an S3-compatible server from npm, needs Node.js) for the demo's S3 source, storing its files in
/// the data dir. Found as $MOSAIC_S3RVER, the repository's tests/tools, or the data dir's tools folder, where
/// it is installed with npm on first use. Null when Node.js/npm is missing: the demo then runs without S3.
/// </summary>
public static class DemoS3
{
    public const string Version = "3.7.1";

    public static async Task<ChildProcess?> StartAsync(string dataDir, ILogger logger, CancellationToken ct)
    {
        var program = await FindOrInstallAsync(dataDir, logger, ct);
        if (program is null)
            return null;
        var storage = Directory.CreateDirectory(Path.Combine(dataDir, "demo", S3Source.Id)).FullName;
        // s3rver builds ListObjectsV2 continuation tokens with DES, which OpenSSL 3 only has in its legacy provider.
        // The preload ends s3rver when the server is gone, even killed (see ChildProcess).
        var preload = ChildProcess.ExitWithParentScript(Path.Combine(dataDir, "demo"));
        var env = new Dictionary<string, string> { ["NODE_OPTIONS"] = $"--openssl-legacy-provider --require \"{preload}\"" };
        return await ChildProcess.StartAsync(
            program,
            ["-d", storage, "-p", "{port}", "-a", "127.0.0.1", "--silent"],
            env,
            TimeSpan.FromSeconds(60),
            ct
        );
    }

    private static async Task<string?> FindOrInstallAsync(string dataDir, ILogger logger, CancellationToken ct)
    {
        var tools = Path.Combine(dataDir, "demo", "tools");
        var candidates = new List<string?>
        {
            Environment.GetEnvironmentVariable("MOSAIC_S3RVER"),
            RepositoryRoot() is { } root ? Path.Combine(root, "tests", "tools", "node_modules", ".bin", "s3rver") : null,
            Path.Combine(tools, "node_modules", ".bin", "s3rver"),
        };
        if (candidates.FirstOrDefault(File.Exists) is { } found)
            return found;
        if (!OnPath("node") || !OnPath("npm"))
        {
            logger.LogWarning("Node.js/npm not found: the demo runs without its S3 source (install Node.js 20+ to include it).");
            return null;
        }
        logger.LogInformation("Installing s3rver {Version} for the demo's S3 source into {Dir} (once)…", Version, tools);
        Directory.CreateDirectory(tools);
        try
        {
            await ChildProcess.RunAsync(
                "npm",
                ["install", "--prefix", tools, $"s3rver@{Version}", "--no-audit", "--no-fund", "--loglevel=error"],
                null,
                TimeSpan.FromMinutes(5),
                ct
            );
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException)
        {
            logger.LogWarning("s3rver could not be installed, so the demo runs without S3: {Error}", e.Message);
            return null;
        }
        var installed = Path.Combine(tools, "node_modules", ".bin", "s3rver");
        return File.Exists(installed) ? installed : null;
    }

    private static bool OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator)
            .Any(dir => dir.Length > 0 && File.Exists(Path.Combine(dir, program)));

    private static string? RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Mosaic.slnx")))
                return dir.FullName;
        return null;
    }
}
