using System.Diagnostics;
using System.Text.Json;

namespace Mosaic.Bench.Turn;

/// <summary>
/// Figure 1: host overhead per direct-tier chat turn. Each round asks a question no earlier round asked (so the hub's
/// result cache misses), the same question again at once (a hit within the TTL), and makes the same call once with the
/// direct client.
/// Stages partition the turn on one clock (in-process: the client's and the spans' times are comparable).
/// </summary>
sealed class ChatTurns(BenchClient client, SpanRecorder spans, DirectClient direct)
{
    public const string Source = "slack";
    public const string Question = "Search messages for \"checkout {n}\"";

    public static readonly string[] Stages =
    [
        "transport",
        "auth",
        "session",
        "resolve",
        "save question",
        "route",
        "history",
        "call",
        "save answer",
        "done",
    ];

    public sealed record Turn(bool Cached, double WallMs, double ToolSpanMs, double[] StageMs, int Reads, int Writes, bool FromCache);

    public sealed record Result(IReadOnlyList<Turn> Turns, IReadOnlyList<double> DirectMs, string Tool, string Arguments, Load Load);

    public async Task<Result> RunAsync(int rounds, int warmup)
    {
        var session = $"bench-{Guid.NewGuid():N}";
        var turns = new List<Turn>();
        var directMs = new List<double>();
        (string Tool, JsonElement Args)? call = null;
        var run = Random.Shared.Next(1000, 9999); // a rerun within the TTL asks new questions too
        var loadBefore = Load.Now();
        for (var i = 0; i < warmup + rounds; i++)
        {
            var question = Question.Replace("{n}", $"{run}{i}");
            var miss = await AskAsync(session, question, cached: false);
            var hit = await AskAsync(session, question, cached: true);
            call = (miss.Tool, miss.Args);
            var args = call.Value.Args.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone());
            var d = Stopwatch.StartNew();
            await direct.CallAsync(call.Value.Tool, args);
            if (i >= warmup)
            {
                directMs.Add(d.Elapsed.TotalMilliseconds);
                turns.Add(miss.Turn);
                turns.Add(hit.Turn);
            }
        }
        return new Result(turns, directMs, call!.Value.Tool, call.Value.Args.GetRawText(), new Load(loadBefore, Load.Now()));
    }

    async Task<(Turn Turn, string Tool, JsonElement Args)> AskAsync(string session, string question, bool cached)
    {
        var r = await client.StreamAsync(
            "/api/chat/message/stream",
            new
            {
                message = question,
                datasource = Source,
                session_id = session,
            }
        );
        if (r.Failed || r.First("tool_start") is not { } start)
            throw new InvalidOperationException($"the turn made no tool call: {string.Join(" ", r.Events.Select(e => e.GetRawText()))}");
        var trace = await spans.TraceAsync(r.TraceId);
        var db = spans.Commands(r.TraceId);
        var request = trace.Single(a => a.Kind == ActivityKind.Server);
        var turnSpan = Need(trace.Named("chat.turn"), "chat.turn");
        var route = Need(trace.Named("chat.route"), "chat.route");
        if (route.GetTagItem("mosaic.tier") as string != "direct")
            throw new InvalidOperationException($"not a direct-tier turn: {route.GetTagItem("mosaic.tier")}");
        var session_ = Need(trace.Named("chat.session"), "chat.session");
        var saves = trace.Where(a => a.OperationName == "chat.save").OrderBy(a => a.StartTimeUtc).ToList();
        var history = Need(trace.Named("chat.history"), "chat.history");
        var tool = Need(
            trace.Where(a => a.OperationName.StartsWith("execute_tool ", StringComparison.Ordinal)).FirstOrDefault(),
            "execute_tool"
        );
        if (saves.Count != 2)
            throw new InvalidOperationException($"expected two chat.save spans, saw {saves.Count}");
        DateTime[] marks =
        [
            r.SentAt,
            request.StartTimeUtc,
            session_.StartTimeUtc,
            turnSpan.StartTimeUtc,
            saves[0].StartTimeUtc,
            saves[0].End(),
            route.End(),
            history.End(),
            tool.End(),
            saves[1].End(),
            r.DoneAt,
        ];
        var stages = marks.Zip(marks.Skip(1), Spans.Ms).ToArray();
        var fromCache = tool.GetTagItem("mosaic.cached") is true;
        var turn = new Turn(cached, r.WallMs, tool.Duration.TotalMilliseconds, stages, db.Reads, db.Writes, fromCache);
        return (turn, start.GetProperty("tool").GetString()!, start.GetProperty("arguments").Clone());
    }

    static Activity Need(Activity? a, string name) => a ?? throw new InvalidOperationException($"no {name} span");
}
