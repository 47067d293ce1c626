namespace Mosaic.Sandbox.Infrastructure;

/// <summary>Where the demo database and the demo S3 files live (copied beside the Sandbox's build output).</summary>
public static class DemoFiles
{
    public static string Directory => Path.Combine(AppContext.BaseDirectory, "Demo");
    public static string SqlitePath => Path.Combine(Directory, "acme.db");

    /// <summary>The demo database of a Sandbox started with --now, by how many hours its dates move.</summary>
    public static string SqlitePathAt(int shiftHours) => Path.Combine(Directory, $"acme-at-{shiftHours}.db");

    public static string MariaDbSql => Path.Combine(Directory, "acme-mysql.sql");
    public static string S3Directory => Path.Combine(Directory, "s3");
}
