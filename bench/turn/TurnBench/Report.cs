using System.Text;
using System.Text.RegularExpressions;
using static Mosaic.Bench.Turn.Stats;

namespace Mosaic.Bench.Turn;

/// <summary>One run as a results.md section (Before or After), each figure with the load it ran under.</summary>
static class Report
{
    public static string Section(
        BenchOptions o,
        ChatTurns.Result chat,
        AgentRatio.Result agent,
        HubDirectBenchmarks.Result hub,
        HeldStreams.Result held,
        double startLoad,
        double endLoad,
        TimeSpan took
    )
    {
        var s = new StringBuilder();
        s.AppendLine(
            $"Measured {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC on commit {o.Commit}, Release, Offline, Sandbox upstream; "
                + $"{Environment.ProcessorCount} cores, load {startLoad:F2} at the start and {endLoad:F2} at the end; "
                + $"the run took {took.TotalSeconds:F0} s. Result cache TTL {o.CacheSeconds} s."
        );
        s.AppendLine();
        ChatSection(s, chat);
        AgentSection(s, agent);
        s.AppendLine($"### 3. Hub / direct (BenchmarkDotNet, in-process; {hub.Load})");
        s.AppendLine();
        s.AppendLine(
            $"slack `search_messages`, a new query each call (always a cache miss): direct client median "
                + $"**{F(hub.DirectMedianMs)} ms**, through the hub **{F(hub.HubMedianMs)} ms**: "
                + $"**hub/direct = {F(hub.HubMedianMs / hub.DirectMedianMs, 2)}×**."
        );
        s.AppendLine();
        s.AppendLine(hub.Table.Trim());
        s.AppendLine();
        s.AppendLine($"### 4. Memory per held stream ({held.Load})");
        s.AppendLine();
        s.AppendLine(
            $"{held.Streams} chat turns waiting for a person's approval (the admin's always-ask policy on Jira's `list_projects`), "
                + $"held, then closed by the client. Managed heap after full GCs: before {held.BeforeBytes / 1024.0:F0} KB, "
                + $"held {held.HeldBytes / 1024.0:F0} KB, after closing "
                + $"{held.AfterBytes / 1024.0:F0} KB."
        );
        s.AppendLine();
        s.AppendLine(
            $"- **while held: {held.HeldPerStreamKb:F1} KB per stream** (the server's part, and a socket and 4 KB buffer of the client's)"
        );
        s.AppendLine($"- **after closing: {held.LeftPerStreamKb:F1} KB per stream not given back**");
        s.AppendLine(
            $"- **a second {held.Streams} held and closed: {held.SecondRoundPerStreamKb:+0.0;-0.0} KB per stream more** "
                + $"(heap {held.AfterAgainBytes / 1024.0:F0} KB): "
                + (held.SecondRoundPerStreamKb < 1 ? "what the first round left is reused, not grown" : "memory grows with every round")
        );
        return s.ToString();
    }

    static void ChatSection(StringBuilder s, ChatTurns.Result chat)
    {
        var own = P(chat.DirectMs, 50);
        var miss = chat.Turns.Where(t => !t.Cached).ToList();
        var hit = chat.Turns.Where(t => t.Cached).ToList();
        s.AppendLine($"### 1. Host overhead per direct-tier chat turn ({chat.Load})");
        s.AppendLine();
        s.AppendLine(
            $"slack: “{ChatTurns.Question}” → `{chat.Tool}`; {miss.Count} uncached and {hit.Count} cached turns "
                + $"after warm-up ({{n}} is new in every round, e.g. {chat.Arguments}; cache hits among the cached: "
                + $"{hit.Count(t => t.FromCache)}, among the uncached: {miss.Count(t => t.FromCache)}). "
                + $"The tool's own time (the direct client's call, p50 of {chat.DirectMs.Count}): "
                + $"**{F(own)} ms**."
        );
        s.AppendLine();
        s.AppendLine("| per turn, ms | uncached p50 | uncached p90 | cached p50 | cached p90 |");
        s.AppendLine("|---|---|---|---|---|");
        Row(s, "**host overhead** (wall − tool's own time)", miss.Select(t => t.WallMs - own), hit.Select(t => t.WallMs));
        Row(s, "wall (request sent → done read)", miss.Select(t => t.WallMs), hit.Select(t => t.WallMs));
        Row(s, "wall − the hub's execute_tool span", miss.Select(t => t.WallMs - t.ToolSpanMs), hit.Select(t => t.WallMs - t.ToolSpanMs));
        Row(s, "execute_tool span", miss.Select(t => t.ToolSpanMs), hit.Select(t => t.ToolSpanMs));
        for (var i = 0; i < ChatTurns.Stages.Length; i++)
            Row(s, $"stage: {ChatTurns.Stages[i]}", miss.Select(t => t.StageMs[i]), hit.Select(t => t.StageMs[i]));
        Row(s, "database reads (commands)", miss.Select(t => (double)t.Reads), hit.Select(t => (double)t.Reads), 0);
        Row(s, "database writes (commands)", miss.Select(t => (double)t.Writes), hit.Select(t => (double)t.Writes), 0);
        s.AppendLine();
        s.AppendLine("Cached: nothing ran on the connector, so the whole wall time is the host's.");
        s.AppendLine();
    }

    static void AgentSection(StringBuilder s, AgentRatio.Result agent)
    {
        var miss = agent.Asks.Where(a => !a.Cached).ToList();
        var hit = agent.Asks.Where(a => a.Cached).ToList();
        var slowestMiss = P(miss.Select(a => a.SlowestToolMs), 50);
        s.AppendLine($"### 2. Agent: wall / slowest source ({agent.Load})");
        s.AppendLine();
        s.AppendLine(
            $"“{AgentRatio.Question}” over {string.Join(", ", agent.Sources)}; {miss.Count} uncached and {hit.Count} cached asks "
                + $"after warm-up (cached asks' tool calls served from the cache: {hit.Sum(a => a.Hits)} of the calls)."
        );
        s.AppendLine();
        s.AppendLine("| per question | uncached p50 | uncached p90 | cached p50 | cached p90 |");
        s.AppendLine("|---|---|---|---|---|");
        Row(
            s,
            "**wall / slowest source's tool time** (same ask)",
            miss.Select(a => a.WallMs / a.SlowestToolMs),
            hit.Select(a => a.WallMs / a.SlowestToolMs),
            2
        );
        Row(
            s,
            "wall / slowest source's uncached tool time (p50)",
            miss.Select(a => a.WallMs / slowestMiss),
            hit.Select(a => a.WallMs / slowestMiss),
            2
        );
        Row(s, "wall, ms", miss.Select(a => a.WallMs), hit.Select(a => a.WallMs));
        Row(s, "slowest source's tool time, ms", miss.Select(a => a.SlowestToolMs), hit.Select(a => a.SlowestToolMs));
        Row(s, "request start → first source starts, ms", miss.Select(a => a.PlanningMs), hit.Select(a => a.PlanningMs));
        var slowest = miss.GroupBy(a => a.Slowest).OrderByDescending(g => g.Count()).Select(g => $"{g.Key} ×{g.Count()}");
        s.AppendLine();
        s.AppendLine($"Slowest source (uncached): {string.Join(", ", slowest)}.");
        s.AppendLine();
    }

    static void Row(StringBuilder s, string name, IEnumerable<double> miss, IEnumerable<double> hit, int decimals = 3)
    {
        var (m, h) = (miss.ToList(), hit.ToList());
        s.AppendLine($"| {name} | {F(P(m, 50), decimals)} | {F(P(m, 90), decimals)} | {F(P(h, 50), decimals)} | {F(P(h, 90), decimals)} |");
    }

    /// <summary>Replaces what is between results.md's markers for <paramref name="which"/> (before / after).</summary>
    public static void WriteInto(string path, string which, string section)
    {
        var text = File.ReadAllText(path);
        var (start, end) = ($"<!-- {which}:start -->", $"<!-- {which}:end -->");
        if (!text.Contains(start) || !text.Contains(end))
            throw new InvalidOperationException($"{path} has no {start} … {end} markers");
        var pattern = Regex.Escape(start) + "(.|\\n)*?" + Regex.Escape(end);
        File.WriteAllText(path, Regex.Replace(text, pattern, _ => $"{start}\n{section.TrimEnd()}\n{end}"));
    }
}
