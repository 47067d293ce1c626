using System.ComponentModel;
using System.Text.Json;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Mosaic.TestMcpServer;

/// <summary>
/// Tools of a shared connector (started with MOSAIC_CREDENTIALS=per-call), added only then so the other tests see the
/// same tool list as before.
/// </summary>
[McpServerToolType]
public sealed class PerCallTools
{
    /// <summary>How many tools/list requests this process answered (counted by Program.cs's filter).</summary>
    public static int ListRequests;

    // What a shared connector sees of its caller: the TOKEN that came with the call in _meta["mosaic/credentials"]
    // (the host's per-call credentials), whether the process environment holds one, and the process.
    [
        McpServerTool(Name = "caller", ReadOnly = true),
        Description("Says whose credentials came with this call, after waiting the given milliseconds.")
    ]
    public static async Task<string> Caller(
        RequestContext<CallToolRequestParams> request,
        [Description("Milliseconds to wait first (at most 10000).")] int ms = 0,
        CancellationToken ct = default
    )
    {
        await Task.Delay(Math.Clamp(ms, 0, 10_000), ct);
        var token = request.Params?.Meta?["mosaic/credentials"]?["TOKEN"]?.GetValue<string>();
        // A digest, not the token: the answer itself must not carry a secret into the host's logs.
        return JsonSerializer.Serialize(
            new
            {
                token = Digest(token),
                envToken = Digest(Environment.GetEnvironmentVariable("TOKEN")),
                perCall = Environment.GetEnvironmentVariable("MOSAIC_CREDENTIALS"),
                pid = Environment.ProcessId,
                lists = ListRequests,
            }
        );
    }

    public static string? Digest(string? value) =>
        value is null
            ? null
            : Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(value)))[..16];
}
