using System.Diagnostics;

namespace Mosaic.Server.Tests.Demo;

/// <summary>
/// MOSAIC_FAKE_NOW moves the demo's clock, and only the demo's: the real server refuses to start with it unless it
/// runs with --demo outside production, and says why. (The browser tests run the demo on it: web/e2e/clock.test.mjs.)
/// </summary>
public sealed class DemoClockTests
{
    [Theory]
    [InlineData("2026-01-15T03:10:00Z", "", "development", "MOSAIC_FAKE_NOW is set, but it is honoured only with --demo")]
    [InlineData("2026-01-15T03:10:00Z", "--demo", "production", "MOSAIC_FAKE_NOW is not allowed with ENVIRONMENT=production")]
    [InlineData("2026-01-15T03:10:00", "--demo", "development", "MOSAIC_FAKE_NOW must be an ISO 8601 time with a zone")]
    [InlineData("tomorrow at noon", "--demo", "development", "MOSAIC_FAKE_NOW must be an ISO 8601 time with a zone")]
    public async Task A_fake_clock_outside_the_demo_or_unreadable_stops_start_up(
        string fakeNow,
        string demo,
        string environment,
        string message
    )
    {
        var dataDir = Directory.CreateTempSubdirectory("mosaic-fake-now-").FullName;
        try
        {
            var psi = new ProcessStartInfo("dotnet")
            {
                WorkingDirectory = dataDir,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            psi.ArgumentList.Add(typeof(Program).Assembly.Location);
            if (demo.Length > 0)
                psi.ArgumentList.Add(demo);
            var services = psi.Environment.Keys.Where(k => k.StartsWith("LOCAL_MYSQL_", StringComparison.Ordinal) || k is "REDIS_URL");
            foreach (var key in services.ToList())
                psi.Environment.Remove(key);
            psi.Environment["MOSAIC_FAKE_NOW"] = fakeNow;
            psi.Environment["ENVIRONMENT"] = environment;
            psi.Environment["MOSAIC_DATA_DIR"] = dataDir;
            psi.Environment["BACKEND_PORT"] = "1"; // never reached: start-up stops first
            using var server = Process.Start(psi)!;
            var output = server.StandardOutput.ReadToEndAsync();
            var errors = server.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await server.WaitForExitAsync(timeout.Token);
            Assert.NotEqual(0, server.ExitCode);
            Assert.Contains(message, await errors + await output);
        }
        finally
        {
            Directory.Delete(dataDir, recursive: true);
        }
    }
}
