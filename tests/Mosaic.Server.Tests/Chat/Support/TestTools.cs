namespace Mosaic.Server.Tests.Chat.Support;

/// <summary>The npm MCP servers the test services provide ($MOSAIC_TEST_TOOLS); missing tools fail loudly.</summary>
public static class TestTools
{
    public static string Bin(string name)
    {
        var dir = Environment.GetEnvironmentVariable("MOSAIC_TEST_TOOLS");
        if (string.IsNullOrWhiteSpace(dir))
            throw new InvalidOperationException("MOSAIC_TEST_TOOLS is not set: source /tmp/mosaic-services/env (or run scripts/test.sh).");
        var path = Path.Combine(dir, name);
        if (!File.Exists(path))
            throw new InvalidOperationException($"{path} does not exist: the test tools are not installed.");
        return path;
    }

    /// <summary>A fresh directory the filesystem server may read and write; deleted by the caller.</summary>
    public static string TempDir()
    {
        var dir = Path.Combine(Path.GetTempPath(), "mosaic-chat-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(dir);
        return dir;
    }
}
