using System.Globalization;
using Mosaic.Sandbox.Infrastructure;

namespace Mosaic.Server.Demo;

/// <summary>
/// MOSAIC_FAKE_NOW=&lt;ISO 8601 time&gt;: the demo's clock (the server's and its Sandbox's) starts at that time and runs
/// on, so the demo can be seen, and the browser tests run, at any hour of the day. Honoured only with --demo and
/// never with ENVIRONMENT=production; set anywhere else it stops start-up, so it cannot quietly move a real
/// server's clock (sessions, lockouts, approvals and audit times all read it).
/// </summary>
public static class DemoClock
{
    public const string Setting = "MOSAIC_FAKE_NOW";

    /// <summary>The clock MOSAIC_FAKE_NOW asks for, or null when it is not set.</summary>
    public static TimeProvider? FromConfiguration(IConfiguration config, bool demo)
    {
        var value = config[Setting];
        if (string.IsNullOrWhiteSpace(value))
            return null;
        if (!demo)
            throw new InvalidOperationException(
                $"{Setting} is set, but it is honoured only with --demo. Unset it: a real server runs on the system clock."
            );
        if (string.Equals(config["ENVIRONMENT"]?.Trim(), "production", StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException($"{Setting} is not allowed with ENVIRONMENT=production.");
        DateTimeOffset at;
        try
        {
            at = SandboxClock.Parse(value);
        }
        catch (ArgumentException)
        {
            throw new InvalidOperationException(
                $"{Setting} must be an ISO 8601 time with a zone, e.g. 2026-01-15T03:10:00Z (got '{value}')."
            );
        }
        return SandboxClock.Starting(at);
    }

    /// <summary>The Sandbox's <c>--now</c> when the server is not on the system clock (MOSAIC_FAKE_NOW, or a test's fake).</summary>
    public static string? SandboxArgument(TimeProvider time) =>
        ReferenceEquals(time, TimeProvider.System) ? null : "--now=" + time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);
}
