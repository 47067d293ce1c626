namespace Mosaic.Bench.Turn;

static class Stats
{
    /// <summary>The p-th percentile (0–100), linear between the closest ranks.</summary>
    public static double P(IEnumerable<double> values, double p)
    {
        var v = values.OrderBy(x => x).ToArray();
        if (v.Length == 0)
            return double.NaN;
        var rank = p / 100 * (v.Length - 1);
        var lo = (int)Math.Floor(rank);
        var hi = (int)Math.Ceiling(rank);
        return v[lo] + (v[hi] - v[lo]) * (rank - lo);
    }

    public static string F(double ms, int decimals = 3) =>
        double.IsNaN(ms) ? "–" : ms.ToString($"F{decimals}", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>The load a figure ran under: the 1-minute load average before and after it, and the cores.</summary>
sealed record Load(double Before, double After)
{
    public static double Now() =>
        double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);

    public override string ToString() =>
        $"load {Before.ToString("F2", System.Globalization.CultureInfo.InvariantCulture)} → "
        + $"{After.ToString("F2", System.Globalization.CultureInfo.InvariantCulture)} on {Environment.ProcessorCount} cores";
}
