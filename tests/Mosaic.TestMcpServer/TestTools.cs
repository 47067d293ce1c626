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

    [McpServerTool(Name = "crash", Destructive = true), Description("Exits the process with the given code mid-request.")]
    public static string Crash([Description("Exit code.")] int code)
    {
        Environment.Exit(code);
        return "unreachable";
    }
}
