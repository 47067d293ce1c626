using Microsoft.Extensions.Options;
using Mosaic.Connectors.MySql.Safety;
using Mosaic.Server.Configuration;

namespace Mosaic.Server.Connectors;

/// <summary>
/// The SQLite files MySQL sources may open: inside MOSAIC_SQLITE_DIRS, never inside MOSAIC_DATA_DIR
/// (<see cref="SqliteFilePolicy"/>, the connector's own rule). Used when a user saves credentials (a refused
/// path is a 400 at once) and for the mysql connector's environment, which enforces the same rule again.
/// --demo adds the directory of its own demo database. Singleton.
/// </summary>
public sealed class SqliteFileAccess(IOptions<MosaicSettings> options, ILogger<SqliteFileAccess> logger)
{
    private volatile SqliteFilePolicy? _policy;

    // The setting was validated at start-up (MosaicSettingsValidator), so no problem is left to report here.
    public SqliteFilePolicy Policy => _policy ??= SqliteFilePolicy.Create(options.Value.SqliteDirs, options.Value.FullDataDir, []);

    /// <summary>--demo: allows the directory of its demo database. False, with a warning, when that is not possible.</summary>
    public bool AllowDemoDatabase(string path)
    {
        var directory = Path.GetDirectoryName(SqliteFilePolicy.RealPath(path) ?? path);
        var problems = new List<string>();
        var next = directory is null ? null : Policy.Allowing(directory, problems);
        if (next is null || problems.Count > 0 || next.Resolve(path) is null)
        {
            logger.LogWarning(
                "Demo: the demo SQLite database {Path} cannot be opened by the MySQL source: {Problems}",
                path,
                problems.Count > 0 ? string.Join(" ", problems) : "it is missing"
            );
            return false;
        }
        _policy = next;
        return true;
    }

    /// <summary>Values of the operator settings a connector may declare (<see cref="SourceDefinition.OperatorVariables"/>).</summary>
    public IReadOnlyDictionary<string, string> OperatorValues
    {
        get
        {
            var policy = Policy;
            return new Dictionary<string, string>(StringComparer.Ordinal)
            {
                [SqliteFilePolicy.DirsVariable] = policy.Setting,
                [SqliteFilePolicy.DataDirVariable] = policy.DataDir ?? options.Value.FullDataDir,
            };
        }
    }
}
