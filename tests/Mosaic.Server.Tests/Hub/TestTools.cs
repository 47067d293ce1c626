namespace Mosaic.Server.Tests.Hub;

/// <summary>The third-party MCP servers the hub tests run as real processes (installed by scripts/test.sh).</summary>
public static class TestTools
{
    public static string Everything => Tool("mcp-server-everything");
    public static string Filesystem => Tool("mcp-server-filesystem");

    static string Tool(string name)
    {
        var dir = Environment.GetEnvironmentVariable("MOSAIC_TEST_TOOLS");
        if (string.IsNullOrWhiteSpace(dir))
            throw new InvalidOperationException(
                "MOSAIC_TEST_TOOLS is not set: it must name tests/tools/node_modules/.bin (scripts/test.sh sets it up)."
            );
        var path = Path.Combine(dir, name);
        return File.Exists(path)
            ? path
            : throw new InvalidOperationException($"{name} is missing from MOSAIC_TEST_TOOLS ({dir}); run npm ci in tests/tools.");
    }

    /// <summary>True once the process has exited (and been reaped).</summary>
    public static bool HasExited(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..].StartsWith('Z');
        }
        catch (IOException)
        {
            return true;
        }
    }

    public static async Task<bool> EventuallyAsync(Func<bool> condition, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(15));
        while (DateTime.UtcNow < deadline)
        {
            if (condition())
                return true;
            await Task.Delay(50);
        }
        return condition();
    }
}
