using System.Net;
using ModelContextProtocol;

namespace Mosaic.Connectors.Common.Egress;

/// <summary>
/// A connection the egress policy refused before any byte was sent. Derives from McpException so the
/// MCP SDK forwards its message; inside an HttpRequestException (the handler wraps what its connect
/// callback throws) the kit's tool-error filter digs it out with <see cref="Find"/>.
/// </summary>
public sealed class EgressRefusedException(string host, IPAddress address, int port, string kind)
    : McpException(Describe(host, address, port, kind))
{
    public string Host { get; } = host;
    public IPAddress Address { get; } = address;
    public int Port { get; } = port;

    /// <summary>The special range the address is in: "loopback", "private", "link-local", …</summary>
    public string Kind { get; } = kind;

    /// <summary>The refusal anywhere in an exception's chain (inner and aggregated exceptions), or null.</summary>
    public static EgressRefusedException? Find(Exception? ex)
    {
        for (var e = ex; e is not null; e = e.InnerException)
        {
            if (e is EgressRefusedException refused)
                return refused;
            if (e is AggregateException all)
                return all.InnerExceptions.Select(Find).FirstOrDefault(r => r is not null);
        }
        return null;
    }

    static string Describe(string host, IPAddress address, int port, string kind)
    {
        var article = kind[0] is 'a' or 'e' or 'i' or 'o' or 'u' ? "an" : "a";
        var shown =
            EgressRule.NormalizeHost(host) == address.ToString()
                ? $"{Endpoint(address.ToString(), port)} ({article} {kind} address)"
                : $"{Endpoint(host, port)} (it is {address}, {article} {kind} address)";
        return $"Refused to connect to {shown}: connections to internal addresses are off unless the operator allows them. "
            + $"Check the URL or host in the data source settings, or ask the operator to add it to {EgressPolicy.Variable}.";
    }

    static string Endpoint(string host, int port) => host.Contains(':') && !host.StartsWith('[') ? $"[{host}]:{port}" : $"{host}:{port}";
}
