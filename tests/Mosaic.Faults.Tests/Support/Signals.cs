using System.Runtime.InteropServices;

namespace Mosaic.Faults.Tests.Support;

/// <summary>POSIX signals and the process tree, from /proc (the fault tests run on Linux).</summary>
public static class Signals
{
    public const int SIGKILL = 9;
    public const int SIGTERM = 15;
    public const int SIGCONT = 18;
    public const int SIGSTOP = 19;

    /// <summary>Sends <paramref name="signal"/>; a process that is gone already is fine.</summary>
    public static void Send(int pid, int signal) => _ = kill(pid, signal);

    public static bool IsRoot => geteuid() == 0;

    [DllImport("libc")]
    private static extern int kill(int pid, int sig);

    [DllImport("libc")]
    private static extern uint geteuid();
}

public static class ProcessTree
{
    /// <summary>Direct children of <paramref name="pid"/>, from each process's parent in /proc/&lt;pid&gt;/stat.</summary>
    public static IEnumerable<int> Children(int pid)
    {
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var child))
                continue;
            string stat;
            try
            {
                stat = File.ReadAllText(Path.Combine(dir, "stat"));
            }
            catch (IOException)
            {
                continue; // it exited meanwhile
            }
            // "pid (comm) state ppid …": comm may hold spaces, so read after the last ')'.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            if (fields.Length > 1 && int.TryParse(fields[1], out var parent) && parent == pid)
                yield return child;
        }
    }

    public static string CommandLine(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ');
        }
        catch (IOException)
        {
            return "";
        }
    }

    /// <summary>"T" when stopped, "R"/"S" when running or sleeping; "" when gone.</summary>
    public static string State(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[0];
        }
        catch (IOException)
        {
            return "";
        }
    }
}
