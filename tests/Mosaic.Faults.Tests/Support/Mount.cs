using System.Diagnostics;

namespace Mosaic.Faults.Tests.Support;

/// <summary>mount/umount for a test's small tmpfs (root only).</summary>
public static class Mount
{
    public static Task TmpfsAsync(string dir, string size) =>
        RunAsync("mount", "-t", "tmpfs", "-o", $"size={size},mode=0700", "tmpfs", dir);

    public static Task UnmountAsync(string dir) => RunAsync("umount", "--lazy", dir);

    private static async Task RunAsync(string command, params string[] args)
    {
        var psi = new ProcessStartInfo(command) { RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
            psi.ArgumentList.Add(arg);
        using var process = Process.Start(psi)!;
        var stderr = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{command} {string.Join(' ', args)} failed ({process.ExitCode}): {stderr}");
    }
}
