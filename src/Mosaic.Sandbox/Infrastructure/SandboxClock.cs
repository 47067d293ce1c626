using System.Globalization;

namespace Mosaic.Sandbox.Infrastructure;

/// <summary>
/// The Sandbox's clock. <c>--now=&lt;ISO 8601 time&gt;</c> (or <c>--now &lt;time&gt;</c>) starts it at that time and lets it
/// run on, so a test (or <c>--demo</c> with MOSAIC_FAKE_NOW) sees the seeded story at a chosen hour of the day;
/// without it the Sandbox runs on the system clock. Seeds, searches ("newer_than", JQL's now()) and recorded
/// writes all read this clock. It is a test tool: the Sandbox is never part of a real deployment.
/// </summary>
public static class SandboxClock
{
    public const string Flag = "--now";

    /// <summary>The clock <paramref name="args"/> ask for, and the arguments without <c>--now</c>.</summary>
    public static (TimeProvider Time, string[] Others) FromArgs(string[] args)
    {
        var i = Array.FindIndex(args, a => a == Flag || a.StartsWith(Flag + "=", StringComparison.Ordinal));
        if (i < 0)
            return (TimeProvider.System, args);
        var inline = args[i].Length > Flag.Length;
        var value =
            inline ? args[i][(Flag.Length + 1)..]
            : i + 1 < args.Length ? args[i + 1]
            : "";
        var rest = args.Where((_, j) => j != i && (inline || j != i + 1)).ToArray();
        return (Starting(Parse(value)), rest);
    }

    /// <summary>An ISO 8601 time with a zone (2026-01-15T03:10:00Z or +02:00); anything else is refused.</summary>
    public static DateTimeOffset Parse(string value) =>
        value.Contains('T')
        && (value.EndsWith('Z') || value.LastIndexOfAny(['+', '-']) > value.IndexOf('T'))
        && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at)
            ? at.ToUniversalTime()
            : throw new ArgumentException($"{Flag} needs an ISO 8601 time with a zone, e.g. {Flag}=2026-01-15T03:10:00Z (got '{value}').");

    /// <summary>A clock that reads <paramref name="now"/> at this moment and runs at the system clock's pace from there.</summary>
    public static TimeProvider Starting(DateTimeOffset now) => new ShiftedClock(now - TimeProvider.System.GetUtcNow());

    private sealed class ShiftedClock(TimeSpan offset) : TimeProvider
    {
        // Only the wall-clock time moves; timers and timestamps (intervals) stay the system's.
        public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + offset;
    }
}
