using System.Diagnostics;
using Mosaic.Bench.Turn;
using Mosaic.Server.Connectors.Hub;

// bench/turn: see ../README.md. Progress goes to stderr, the report to stdout (and into results.md with --write).
var options = BenchOptions.Parse(args);
var say = Console.Error;
var clock = Stopwatch.StartNew();
var dataDir = Directory.CreateTempSubdirectory("bench-turn-").FullName;
var serverLog = new StreamWriter(Path.Combine(dataDir, "server.log")) { AutoFlush = true };
var stdout = Console.Out;
Console.SetOut(serverLog); // the server's console logging and the demo's banner, kept out of the report
var startLoad = Load.Now();
say.WriteLine($"bench/turn: load {startLoad:F2} on {Environment.ProcessorCount} cores; server log in {dataDir}");

using var spans = new SpanRecorder();
var ttl = TimeSpan.FromSeconds(options.CacheSeconds);
await using var server = await BenchServer.StartAsync(dataDir, options.CacheSeconds);
var client = await server.SignInAsync();
await using var direct = await DirectClient.StartAsync(server.Services, client.UserId, ChatTurns.Source);
say.WriteLine($"  server up at {server.BaseUrl} ({clock.Elapsed.TotalSeconds:F0} s)");

var chat = await new ChatTurns(client, spans, direct).RunAsync(options.Rounds, options.Warmup);
say.WriteLine($"  1. chat turns done ({clock.Elapsed.TotalSeconds:F0} s)");
var agent = await new AgentRatio(client, spans, ttl).RunAsync(options.AgentRounds, 3);
say.WriteLine($"  2. agent done ({clock.Elapsed.TotalSeconds:F0} s)");
HubDirectBenchmarks.Hub = server.Services.GetRequiredService<IMcpHub>();
HubDirectBenchmarks.Direct = direct;
HubDirectBenchmarks.UserId = client.UserId;
var hub = HubDirectBenchmarks.Run(serverLog);
say.WriteLine($"  3. hub/direct done ({clock.Elapsed.TotalSeconds:F0} s)");

// No listener from here on: the product's default (no exporter, so no spans), and nothing recorded counts as its memory.
spans.Dispose();
var held = await new HeldStreams(server, client).RunAsync(options.Streams);
say.WriteLine($"  4. held streams done ({clock.Elapsed.TotalSeconds:F0} s)");

var section = Report.Section(options, chat, agent, hub, held, startLoad, Load.Now(), clock.Elapsed);
stdout.WriteLine(section);
if (options.Write is { } which)
{
    Report.WriteInto(options.ResultsPath, which, section);
    say.WriteLine($"bench/turn: wrote the {which} section of {options.ResultsPath}");
}
return 0;

sealed record BenchOptions(
    string? Write,
    string ResultsPath,
    int Rounds,
    int Warmup,
    int AgentRounds,
    int Streams,
    double CacheSeconds,
    string Commit
)
{
    public static BenchOptions Parse(string[] args)
    {
        string? Arg(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        var write = Arg("--write");
        if (write is not (null or "before" or "after"))
            throw new ArgumentException("--write takes before or after");
        var quick = args.Contains("--quick");
        return new BenchOptions(
            write,
            Arg("--results") ?? "bench/turn/results.md",
            int.Parse(Arg("--rounds") ?? (quick ? "20" : "120")),
            quick ? 5 : 20,
            int.Parse(Arg("--agent") ?? (quick ? "5" : "30")),
            int.Parse(Arg("--streams") ?? (quick ? "100" : "1000")),
            double.Parse(Arg("--cache-seconds") ?? "1", System.Globalization.CultureInfo.InvariantCulture),
            Arg("--commit") ?? "?"
        );
    }
}
