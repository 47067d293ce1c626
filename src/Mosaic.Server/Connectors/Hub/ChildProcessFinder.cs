namespace Mosaic.Server.Connectors.Hub;

/// <summary>
/// Finds the pid of a connector process we started. The MCP SDK does not expose its Process object, so
/// each child gets a unique marker variable and we look for our child carrying it (Linux /proc).
/// Elsewhere the pid is simply unknown (null); nothing depends on it but status and diagnostics.
/// </summary>
internal static class ChildProcessFinder
{
    public static int? Find(string marker)
    {
        if (!OperatingSystem.IsLinux())
            return null;
        var self = Environment.ProcessId;
        var needle = $"{ChildEnvironment.SessionMarker}={marker}";
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid))
                continue;
            try
            {
                if (ParentOf(pid) != self)
                    continue;
                var environ = File.ReadAllText($"/proc/{pid}/environ");
                if (environ.Split('\0').Contains(needle))
                    return pid;
            }
            catch (IOException) { } // the process went away while we looked
            catch (UnauthorizedAccessException) { }
        }
        return null;
    }

    static int ParentOf(int pid)
    {
        // /proc/<pid>/stat: "pid (comm) state ppid ..."; comm may contain spaces and parentheses.
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var rest = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return int.Parse(rest[1], System.Globalization.CultureInfo.InvariantCulture);
    }
}
