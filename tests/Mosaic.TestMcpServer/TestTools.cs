using System.ComponentModel;
using ModelContextProtocol.Server;

namespace Mosaic.TestMcpServer;

[McpServerToolType]
public sealed class TestTools
{
    [McpServerTool(Name = "pid", ReadOnly = true), Description("Returns this server's process id.")]
    public static string Pid([Description("Ignored; makes a call distinct so the host does not answer it from its cache.")] string? nonce = null) => Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    [McpServerTool(Name = "hang", ReadOnly = true),
     Description("Never answers. When the client cancels the request, appends a line to the file named by $CANCEL_LOG.")]
    public static async Task<string> Hang([Description("Written to the log on cancellation.")] string tag, CancellationToken ct)
    {
        try
        {
            await Task.Delay(Timeout.Infinite, ct);
            return "unreachable";
        }
        catch (OperationCanceledException)
        {
            if (Environment.GetEnvironmentVariable("CANCEL_LOG") is { Length: > 0 } log)
                await File.AppendAllTextAsync(log, $"cancelled {tag}\n", CancellationToken.None);
            throw;
        }
    }

    [McpServerTool(Name = "sleep", ReadOnly = true),
     Description("Waits the given number of milliseconds, then answers with what it did (a slow source for fan-out tests).")]
    public static async Task<string> Sleep([Description("Milliseconds to wait (at most 60000).")] int ms, CancellationToken ct)
    {
        await Task.Delay(Math.Clamp(ms, 0, 60_000), ct);
        return $"Slept {ms} ms in process {Environment.ProcessId}; see https://example.test/sleep/{ms}";
    }

    [McpServerTool(Name = "crash", Destructive = true), Description("Exits the process with the given code mid-request.")]
    public static string Crash([Description("Exit code.")] int code)
    {
        Environment.Exit(code);
        return "unreachable";
    }
}
