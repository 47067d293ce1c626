namespace Mosaic.Server.Health;

/// <summary>
/// How many MCP connector sessions are live, for /api/health/detailed. The MCP hub replaces the
/// default registration with itself; until then the answer is 0.
/// </summary>
public interface IMcpConnectionCounter
{
    int ActiveConnections { get; }

    /// <summary>Circuit breakers currently open or half-open (sources failing for some user).</summary>
    McpBreakerCounts Breakers => new(0, 0);
}

public sealed record McpBreakerCounts(int Open, int HalfOpen);

internal sealed class NoMcpConnections : IMcpConnectionCounter
{
    public int ActiveConnections => 0;
}
