using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MySqlConnector;

namespace Mosaic.Faults.Tests.Support;

/// <summary>
/// A private mariadbd for one test (its own data dir, socket and loopback port, set up like scripts/services.sh does), so
/// stopping it harms no other test. Stop and start keep the data dir: a restart, not a new database.
/// </summary>
public sealed class MariaDbServer : IAsyncDisposable
{
    public const string User = "mosaic";
    public const string Password = "faults-db-pw";

    private readonly string _dir;
    private Process? _process;

    private MariaDbServer(string dir, int port)
    {
        _dir = dir;
        Port = port;
    }

    public int Port { get; }

    /// <summary>For the test's own checks; no pooling, so a stopped server is seen at once.</summary>
    public string ConnectionString(string? database = null) =>
        new MySqlConnectionStringBuilder
        {
            Server = "127.0.0.1",
            Port = (uint)Port,
            UserID = User,
            Password = Password,
            Database = database ?? "",
            Pooling = false,
            ConnectionTimeout = 2,
        }.ConnectionString;

    /// <summary>The server's LOCAL_MYSQL_* variables for <paramref name="database"/>.</summary>
    public Dictionary<string, string> ServerEnv(string database) =>
        new()
        {
            ["LOCAL_MYSQL_HOST"] = "127.0.0.1",
            ["LOCAL_MYSQL_PORT"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["LOCAL_MYSQL_USER"] = User,
            ["LOCAL_MYSQL_PASSWORD"] = Password,
            ["LOCAL_MYSQL_DATABASE"] = database,
        };

    public static async Task<MariaDbServer> StartNewAsync(string dir)
    {
        Directory.CreateDirectory(Path.Combine(dir, "mysql"));
        await RunAsync(
            "mariadb-install-db",
            "--no-defaults",
            $"--datadir={dir}/mysql",
            $"--user={Environment.UserName}",
            "--auth-root-authentication-method=normal",
            "--skip-test-db"
        );
        var server = new MariaDbServer(dir, ServerProcess.FreePort());
        await server.StartAsync();
        await RunAsync(
            "mariadb",
            "--no-defaults",
            "-S",
            $"{dir}/mysql.sock",
            "-uroot",
            "-e",
            $"CREATE USER '{User}'@'%' IDENTIFIED BY '{Password}'; GRANT ALL PRIVILEGES ON *.* TO '{User}'@'%'; FLUSH PRIVILEGES;"
        );
        return server;
    }

    /// <summary>Starts mariadbd on the same data dir and port; returns once it accepts a connection.</summary>
    public async Task StartAsync()
    {
        var psi = new ProcessStartInfo("mariadbd")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (
            var arg in new[]
            {
                "--no-defaults",
                $"--datadir={_dir}/mysql",
                $"--socket={_dir}/mysql.sock",
                $"--port={Port}",
                "--bind-address=127.0.0.1",
                $"--user={Environment.UserName}",
                $"--pid-file={_dir}/mariadb.pid",
                $"--log-error={_dir}/mariadb.log",
                "--innodb-buffer-pool-size=32M",
                "--skip-log-bin",
                "--max-connections=300",
            }
        )
            psi.ArgumentList.Add(arg);
        _process = Process.Start(psi)!;
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"mariadbd exited: {await File.ReadAllTextAsync($"{_dir}/mariadb.log")}");
            if (await AnswersAsync("root"))
                return;
            await Task.Delay(50);
        }
        throw new InvalidOperationException("mariadbd did not accept connections within 60 s");
    }

    /// <summary>Stops it as an operator or a crash-free failover would (SIGTERM, then waits for the process to exit).</summary>
    public async Task StopAsync()
    {
        if (_process is null)
            return;
        Signals.Send(_process.Id, Signals.SIGTERM);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await _process.WaitForExitAsync(timeout.Token);
        _process.Dispose();
        _process = null;
    }

    /// <summary>True when a fresh TCP connection (as the test user, or root over the socket while setting up) runs SELECT 1.</summary>
    public async Task<bool> AnswersAsync(string user = User)
    {
        try
        {
            var cs =
                user == "root"
                    ? new MySqlConnectionStringBuilder
                    {
                        Server = $"{_dir}/mysql.sock",
                        ConnectionProtocol = MySqlConnectionProtocol.UnixSocket,
                        UserID = "root",
                        Pooling = false,
                        ConnectionTimeout = 2,
                    }.ConnectionString
                    : ConnectionString();
            await using var connection = new MySqlConnection(cs);
            await connection.OpenAsync();
            await using var command = new MySqlCommand("SELECT 1", connection);
            await command.ExecuteScalarAsync();
            return true;
        }
        catch (MySqlException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }
        _process?.Dispose();
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException) { }
    }

    private static async Task RunAsync(string command, params string[] args)
    {
        var psi = new ProcessStartInfo(command)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
            psi.ArgumentList.Add(arg);
        using var process = Process.Start(psi) ?? throw new InvalidOperationException($"{command} could not be started");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{command} failed ({process.ExitCode}): {await stderr}{await stdout}");
    }
}
