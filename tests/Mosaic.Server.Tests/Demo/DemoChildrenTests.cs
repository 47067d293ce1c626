using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Mosaic.Server.Tests.Chat.Support;

namespace Mosaic.Server.Tests.Demo;

/// <summary>
/// `--demo` runs the Sandbox and s3rver as children. A normal stop ends them; these tests kill the server
/// outright (SIGKILL: no shutdown code runs) and check the children still go, so a restart finds its ports free.
/// </summary>
public sealed class DemoChildrenTests
{
    [Fact]
    public async Task A_killed_demo_server_leaves_no_Sandbox_or_s3rver_behind()
    {
        var dataDir = Directory.CreateTempSubdirectory("mosaic-demo-kill-").FullName;
        using var server = StartDemoServer(dataDir);
        try
        {
            var (sandbox, s3rver) = await WaitForChildrenAsync(server, TimeSpan.FromSeconds(120));

            server.Kill(entireProcessTree: false); // SIGKILL to the server alone: the children are not signalled
            await server.WaitForExitAsync();

            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
            while ((Alive(sandbox) || Alive(s3rver)) && DateTime.UtcNow < deadline)
                await Task.Delay(200);
            Assert.False(Alive(sandbox), $"the Sandbox (pid {sandbox}) outlived the killed server");
            Assert.False(Alive(s3rver), $"s3rver (pid {s3rver}) outlived the killed server");
        }
        finally
        {
            if (!server.HasExited)
                server.Kill(entireProcessTree: true);
            Directory.Delete(dataDir, recursive: true);
        }
    }

    private static Process StartDemoServer(string dataDir)
    {
        var psi = new ProcessStartInfo("dotnet", [typeof(Program).Assembly.Location, "--demo"])
        {
            WorkingDirectory = dataDir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // A self-contained server: embedded SQLite and cache, whatever the test run's environment holds.
        foreach (
            var key in psi
                .Environment.Keys.Where(k =>
                    k.StartsWith("LOCAL_MYSQL_", StringComparison.Ordinal)
                    || k is "REDIS_URL"
                    || k.StartsWith("ANTHROPIC_", StringComparison.Ordinal)
                    || k.StartsWith("OPENAI_", StringComparison.Ordinal)
                )
                .ToList()
        )
            psi.Environment.Remove(key);
        psi.Environment["BACKEND_HOST"] = "127.0.0.1";
        psi.Environment["BACKEND_PORT"] = FreePort().ToString(CultureInfo.InvariantCulture);
        psi.Environment["MOSAIC_DATA_DIR"] = dataDir;
        psi.Environment["MOSAIC_DEMO_PASSWORD"] = "demo-kill-passw0rd";
        psi.Environment["MOSAIC_S3RVER"] = TestTools.Bin("s3rver");
        psi.Environment["BCRYPT_WORK_FACTOR"] = "4";
        var process = Process.Start(psi)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>The pids of the server's Sandbox and s3rver children, once both run.</summary>
    private static async Task<(int Sandbox, int S3rver)> WaitForChildrenAsync(Process server, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            Assert.False(server.HasExited, $"the demo server exited with code {(server.HasExited ? server.ExitCode : 0)}");
            var children = Directory
                .EnumerateDirectories("/proc")
                .Select(d => int.TryParse(Path.GetFileName(d), out var pid) ? pid : 0)
                .Where(pid => pid > 0 && ParentOf(pid) == server.Id)
                .Select(pid => (Pid: pid, Command: CommandLine(pid)))
                .ToList();
            var sandbox = children.FirstOrDefault(c => c.Command.Contains("Mosaic.Sandbox", StringComparison.Ordinal)).Pid;
            var s3rver = children.FirstOrDefault(c => c.Command.Contains("s3rver", StringComparison.Ordinal)).Pid;
            if (sandbox > 0 && s3rver > 0)
                return (sandbox, s3rver);
            await Task.Delay(250);
        }
        throw new TimeoutException("the demo server did not start its Sandbox and s3rver in time");
    }

    /// <summary>Running, not merely a zombie waiting for its new parent to reap it.</summary>
    private static bool Alive(int pid)
    {
        try
        {
            return !File.ReadAllText($"/proc/{pid}/stat").Split(") ")[1].StartsWith('Z');
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static int ParentOf(int pid)
    {
        try
        {
            return int.Parse(File.ReadAllText($"/proc/{pid}/stat").Split(") ")[1].Split(' ')[1], CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return 0;
        }
    }

    private static string CommandLine(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ');
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "";
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
