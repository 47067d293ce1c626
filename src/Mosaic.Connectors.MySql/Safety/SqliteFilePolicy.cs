namespace Mosaic.Connectors.MySql.Safety;

/// <summary>
/// Which SQLite files a source may open: only existing files inside the directories the operator lists in
/// MOSAIC_SQLITE_DIRS (comma-separated absolute paths), never inside MOSAIC_DATA_DIR (the server's own
/// database, keys and connectors.json). Paths are compared as real paths: every symbolic link, in the file
/// and in each directory above it, is resolved first, and the resolved path is the one that gets opened.
/// A path that is refused and one that does not exist get the same answer, so the answer never tells a
/// user which files exist. The connector enforces this when it starts and before every query; the host
/// compiles this same file (see Mosaic.Server.csproj) to check the setting at start-up and a saved path at once.
/// </summary>
public sealed class SqliteFilePolicy
{
    public const string DirsVariable = "MOSAIC_SQLITE_DIRS";
    public const string DataDirVariable = "MOSAIC_DATA_DIR";

    /// <summary>Symbolic links followed in one path before giving up (Linux's own limit).</summary>
    private const int MaxLinks = 40;

    private SqliteFilePolicy(IReadOnlyList<string> directories, string? dataDir)
    {
        Directories = directories;
        DataDir = dataDir;
    }

    /// <summary>Real paths of the allowed directories; empty means SQLite files are turned off.</summary>
    public IReadOnlyList<string> Directories { get; }

    /// <summary>Real path of the server's data directory, when known.</summary>
    public string? DataDir { get; }

    /// <summary>The allowed directories as the setting's value (what the host passes to the connector).</summary>
    public string Setting => string.Join(',', Directories);

    /// <summary>
    /// Reads the setting. Every entry must be an existing directory given as an absolute path that neither is
    /// inside nor contains <paramref name="dataDir"/>; each bad one adds a message naming the variable.
    /// </summary>
    public static SqliteFilePolicy Create(string? setting, string? dataDir, ICollection<string> problems)
    {
        var data = string.IsNullOrWhiteSpace(dataDir) ? null : RealPath(Path.GetFullPath(dataDir.Trim()), mustExist: false);
        var directories = new List<string>();
        foreach (var entry in (setting ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var real = Path.IsPathFullyQualified(entry) ? RealPath(entry) : null;
            if (!Path.IsPathFullyQualified(entry))
                problems.Add($"{DirsVariable} entries must be absolute paths (got '{entry}').");
            else if (real is null || !Directory.Exists(real))
                problems.Add($"{DirsVariable}: '{entry}' is not an existing directory.");
            else if (data is not null && Overlaps(real, data))
                problems.Add(
                    $"{DirsVariable}: '{entry}' {Relation(real, data)} "
                        + $"{DataDirVariable} ({data}), which holds the server's own database and keys; list a directory outside it."
                );
            else if (real.Contains(','))
                problems.Add($"{DirsVariable}: '{entry}' resolves to {real}, and a path with a comma cannot be listed.");
            else if (!directories.Contains(real, StringComparer.Ordinal))
                directories.Add(real);
        }
        return new SqliteFilePolicy(directories, data);
    }

    /// <summary>This policy plus one more directory (--demo's own database); problems as for <see cref="Create"/>.</summary>
    public SqliteFilePolicy Allowing(string directory, ICollection<string> problems) =>
        Create(string.Join(',', [.. Directories, directory]), DataDir, problems);

    /// <summary>The real path to open when <paramref name="path"/> is an existing file this policy allows; otherwise null.</summary>
    public string? Resolve(string? path)
    {
        if (Directories.Count == 0 || string.IsNullOrWhiteSpace(path))
            return null;
        var real = RealPath(path.Trim());
        if (real is null || !File.Exists(real))
            return null;
        if (DataDir is not null && IsInside(real, DataDir, StringComparison.OrdinalIgnoreCase))
            return null;
        return Directories.Any(d => IsInside(real, d, StringComparison.Ordinal)) ? real : null;
    }

    /// <summary>The one answer for every refused path, whether it is outside the directories, in the data dir or missing.</summary>
    public string Refusal(string label, string? path) =>
        Directories.Count == 0
            ? $"SQLite files are turned off on this server: the operator must list the directories that may hold them in {DirsVariable}."
            : $"{label} '{path?.Trim()}' cannot be opened here: it must be an existing file inside "
                + $"{(Directories.Count == 1 ? "" : "one of ")}{string.Join(", ", Directories)} ({DirsVariable}).";

    /// <summary>
    /// The path with every symbolic link resolved, like realpath(3), or null when a part is missing (with
    /// <paramref name="mustExist"/>), unreadable, or the links go round. Without <paramref name="mustExist"/>
    /// the missing rest of the path is appended as written.
    /// </summary>
    public static string? RealPath(string path, bool mustExist = true)
    {
        if (!Path.IsPathFullyQualified(path))
            return null;
        var current = Path.GetPathRoot(path)!;
        var pending = new Stack<string>();
        PushParts(pending, path[current.Length..]);
        var links = 0;
        try
        {
            while (pending.TryPop(out var part))
            {
                if (part == ".")
                    continue;
                if (part == "..")
                {
                    current = Path.GetDirectoryName(current) ?? current;
                    continue;
                }
                var next = Path.Combine(current, part);
                if (new FileInfo(next).LinkTarget is { } target)
                {
                    if (++links > MaxLinks)
                        return null;
                    var root = Path.IsPathFullyQualified(target) ? Path.GetPathRoot(target)! : null;
                    PushParts(pending, root is null ? target : target[root.Length..]);
                    current = root ?? current;
                    continue;
                }
                if (!File.Exists(next) && !Directory.Exists(next))
                    return mustExist ? null : Path.GetFullPath(Path.Combine([next, .. pending]));
                current = next;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return null;
        }
        return current;
    }

    private static void PushParts(Stack<string> pending, string relative)
    {
        var parts = relative.Split([Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar], StringSplitOptions.RemoveEmptyEntries);
        for (var i = parts.Length - 1; i >= 0; i--)
            pending.Push(parts[i]);
    }

    /// <summary>Case-insensitive on purpose: this refuses more, never less, on a case-insensitive file system.</summary>
    private static bool Overlaps(string directory, string dataDir) =>
        IsInside(directory, dataDir, StringComparison.OrdinalIgnoreCase)
        || IsInside(dataDir, directory, StringComparison.OrdinalIgnoreCase);

    private static string Relation(string directory, string dataDir) =>
        string.Equals(directory, dataDir, StringComparison.OrdinalIgnoreCase) ? "is"
        : IsInside(directory, dataDir, StringComparison.OrdinalIgnoreCase) ? "is inside"
        : "contains";

    private static bool IsInside(string path, string directory, StringComparison comparison) =>
        string.Equals(path, directory, comparison)
        || path.StartsWith(Path.EndsInDirectorySeparator(directory) ? directory : directory + Path.DirectorySeparatorChar, comparison);
}
