using System.Net;
using Mosaic.Faults.Tests.Support;

namespace Mosaic.Faults.Tests;

/// <summary><c>backup &lt;file&gt;</c>: an online SQLite copy a new server starts from; MySQL gets guidance instead.</summary>
public sealed class BackupTests(ITestOutputHelper output)
{
    // Fixed keys, as production has: the restored server must read the saved credentials and accept the password.
    static readonly Dictionary<string, string> Keys = new()
    {
        ["JWT_SECRET_KEY"] = Convert.ToBase64String(Enumerable.Range(0, 48).Select(i => (byte)i).ToArray()),
        ["ENCRYPTION_KEY"] = Convert.ToBase64String(Enumerable.Range(0, 32).Select(i => (byte)(i * 7)).ToArray()),
    };

    [Fact]
    public async Task A_backup_of_a_live_server_restores_into_a_working_server()
    {
        using var dir = new TempDir();
        var live = dir.Sub("live");
        var file = Path.Combine(dir.Path, "mosaic-backup.db");
        string sessionId;
        await using (var server = await ServerProcess.StartAsync(live, demo: true, Keys))
        {
            using var alice = new MosaicClient(server.BaseUrl);
            await alice.SignInDemoAsync();
            var answered = await alice.AskStreamAsync("mysql", "How many customers do we have?");
            Assert.NotNull(answered.Done);
            sessionId = answered.SessionId!;

            // Online: people keep signing up while the copy is made.
            using var stop = new CancellationTokenSource();
            var writing = Task.Run(async () =>
            {
                for (var i = 0; !stop.IsCancellationRequested; i++)
                {
                    using var someone = new MosaicClient(server.BaseUrl);
                    using var _ = await someone.SignUpAsync($"writer{i}@faults.test");
                    await Task.Delay(50, CancellationToken.None);
                }
            });
            var (code, stdout, stderr) = await ServerProcess.RunCommandAsync(live, Keys, "backup", file);
            await stop.CancelAsync();
            await writing;
            Assert.True(code == 0, $"backup exited {code}: {stderr}{stdout}");
            Assert.Contains("integrity_check ok", stdout);
            output.WriteLine($"Backup figures: {stdout.Split('\n')[0]}");

            var again = await ServerProcess.RunCommandAsync(live, Keys, "backup", file);
            Assert.Equal(2, again.ExitCode);
            Assert.Contains("--force", again.Stderr);
            Assert.Equal(0, (await ServerProcess.RunCommandAsync(live, Keys, "backup", file, "--force")).ExitCode);
        }

        // Restore: the backup is the new data dir's mosaic.db; no --demo, so nothing is seeded again.
        var restoredDir = dir.Sub("restored");
        File.Copy(file, Path.Combine(restoredDir, "mosaic.db"));
        await using var restored = await ServerProcess.StartAsync(restoredDir, demo: false, Keys);
        using var client = new MosaicClient(restored.BaseUrl);
        await client.SignInDemoAsync();
        var session = await client.GetJsonAsync($"/api/chat/sessions/{sessionId}");
        var messages = session["messages"]!.AsArray();
        Assert.Contains(messages, m => m!["content"]!.GetValue<string>() == "How many customers do we have?");
        Assert.Contains(messages, m => m!["content"]!.GetValue<string>().Contains("**13** customers", StringComparison.Ordinal));
        var slack = await client.GetJsonAsync("/api/credentials/slack/status");
        Assert.True(slack["configured"]?.GetValue<bool>() == true, $"the demo's saved Slack credentials: {slack}");
    }

    [Fact]
    public async Task Backup_refuses_MySQL_with_guidance_and_a_missing_file_name_with_usage()
    {
        using var dir = new TempDir();
        var env = new Dictionary<string, string>(Keys) { ["LOCAL_MYSQL_HOST"] = "127.0.0.1", ["LOCAL_MYSQL_DATABASE"] = "mosaic" };
        var mysql = await ServerProcess.RunCommandAsync(dir.Path, env, "backup", Path.Combine(dir.Path, "x.db"));
        Assert.Equal(2, mysql.ExitCode);
        Assert.Contains("mariadb-dump --single-transaction", mysql.Stderr);
        Assert.False(File.Exists(Path.Combine(dir.Path, "x.db")));

        var usage = await ServerProcess.RunCommandAsync(dir.Path, Keys, "backup");
        Assert.Equal(64, usage.ExitCode);
        Assert.Contains("Usage: backup <file>", usage.Stderr);
    }
}
