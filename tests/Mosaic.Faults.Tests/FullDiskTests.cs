using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Mosaic.Faults.Tests.Support;

namespace Mosaic.Faults.Tests;

/// <summary>
/// The disk under the SQLite data dir fills up (a small tmpfs the test mounts; needs root, as CI runs): a person gets a
/// clear error, the server keeps running, the database passes PRAGMA integrity_check, and writing works again once
/// space is freed.
/// </summary>
public sealed class FullDiskTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_full_disk_gives_a_clear_error_and_leaves_the_database_intact()
    {
        Assert.True(Signals.IsRoot, "This test mounts a tmpfs and must run as root (CI does); run the suite as root.");
        using var dir = new TempDir();
        var data = dir.Sub("data");
        await Mount.TmpfsAsync(data, "48m");
        try
        {
            await RunAsync(data);
        }
        finally
        {
            await Mount.UnmountAsync(data);
        }
    }

    async Task RunAsync(string data)
    {
        var filler = Path.Combine(data, "filler");
        await using (var server = await ServerProcess.StartAsync(data, demo: true))
        {
            using var alice = new MosaicClient(server.BaseUrl);
            await alice.SignInDemoAsync();
            var before = await alice.AskStreamAsync("mysql", "How many customers do we have?");
            Assert.NotNull(before.Done);

            var filled = Fill(filler);
            var full = await alice.AskStreamAsync("mysql", "How many orders do we have?");
            var error = full.Error ?? throw new Xunit.Sdk.XunitException($"a full disk should end the turn with an error: {full}");
            Assert.True(error["code"]?.GetValue<string>() == "database_unavailable", $"{full}\n{Tail(server.Output)}");
            Assert.Contains("not saved", error["error"]?.GetValue<string>());

            using var newcomer = new MosaicClient(server.BaseUrl);
            using var signup = await newcomer.SignUpAsync("late@faults.test");
            var problem = JsonNode.Parse(await signup.Content.ReadAsStringAsync())!;
            Assert.Equal(HttpStatusCode.ServiceUnavailable, signup.StatusCode);
            Assert.Equal("Storage unavailable", problem["title"]?.GetValue<string>());
            Assert.NotNull(signup.Headers.RetryAfter);

            File.Delete(filler);
            var after = await alice.AskStreamAsync("mysql", "How many products do we have?");
            Assert.True(after.Done is not null, $"writing works again once space is freed: {after}");
            var history = await alice.GetJsonAsync($"/api/chat/sessions/{after.SessionId}");
            Assert.Equal(2, history["messages"]!.AsArray().Count);
            output.WriteLine(
                $"Full-disk figures: filled the last {filled / 1024} KB of a 48 MB tmpfs; the chat turn ended in "
                    + $"{full.Took.TotalMilliseconds:0} ms with \"{error["error"]}\"; sign-up answered "
                    + $"{(int)signup.StatusCode} \"{problem["title"]}\" (Retry-After {signup.Headers.RetryAfter}); answering again after "
                    + "the space was freed"
            );
        }

        await using var connection = new SqliteConnection($"Data Source={Path.Combine(data, "mosaic.db")};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var check = connection.CreateCommand();
        check.CommandText = "PRAGMA integrity_check";
        Assert.Equal("ok", await check.ExecuteScalarAsync());
        output.WriteLine("Full-disk figures: PRAGMA integrity_check = ok after the server stopped");
    }

    static string Tail(string log) => log.Length > 6000 ? log[^6000..] : log;

    /// <summary>Writes <paramref name="path"/> until the disk is full; returns how many bytes it took.</summary>
    static long Fill(string path)
    {
        var block = new byte[64 * 1024];
        long written = 0;
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1, FileOptions.WriteThrough);
        try
        {
            while (true)
            {
                file.Write(block);
                written += block.Length;
            }
        }
        catch (IOException)
        {
            // Full at 64 KB granularity: top up the last bytes.
            for (var size = 4096; size >= 1; size /= 2)
                try
                {
                    while (true)
                    {
                        file.Write(block, 0, size);
                        written += size;
                    }
                }
                catch (IOException) { }
        }
        return written;
    }
}
