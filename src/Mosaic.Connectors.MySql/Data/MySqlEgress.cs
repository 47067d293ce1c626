using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using Mosaic.Connectors.Common.Egress;
using Mosaic.Connectors.Common.Errors;
using MySqlConnector;

namespace Mosaic.Connectors.MySql.Data;

/// <summary>
/// MYSQL_HOST through the egress policy. Before every connection the host is resolved and checked, and
/// the driver is given the checked addresses, never the name: a second DNS answer cannot redirect it,
/// and a Unix socket path or a comma-separated host list never reaches the driver. With a host name and
/// a verifying TLS mode, the certificate is still checked against the name the user gave.
/// </summary>
internal static class MySqlEgress
{
    public static async Task<MySqlConnection> ConnectionAsync(
        string connectionString,
        MySqlSettings settings,
        EgressPolicy egress,
        string service,
        CancellationToken cancellationToken
    )
    {
        var host = settings.Host!;
        IReadOnlyList<IPAddress> addresses;
        try
        {
            addresses = await egress.ResolveAsync(host, settings.Port, cancellationToken);
        }
        catch (Exception ex) when (ex is SocketException or ArgumentException) // not a name DNS can look up
        {
            throw new UpstreamException(
                service,
                null,
                "unresolved",
                $"the host \"{host}\" could not be resolved "
                    + $"({(ex as SocketException)?.SocketErrorCode.ToString() ?? "not a host name"}): check MYSQL_HOST in the data "
                    + $"source settings",
                inner: ex
            );
        }
        var pinned = new MySqlConnectionStringBuilder(connectionString)
        {
            Server = string.Join(',', addresses),
            LoadBalance = MySqlLoadBalance.FailOver, // in DNS order, like a client given the name
        };
        var name = EgressRule.NormalizeHost(host);
        if (IPAddress.TryParse(name, out _) || pinned.SslMode is not (MySqlSslMode.VerifyCA or MySqlSslMode.VerifyFull))
            return new MySqlConnection(pinned.ConnectionString);

        // TLS would now compare the certificate with the IP: check the chain here, and the name against the host given.
        var verifyName = pinned.SslMode == MySqlSslMode.VerifyFull;
        pinned.SslMode = MySqlSslMode.Required; // the driver calls a custom validator only in Preferred/Required
        return new MySqlConnection(pinned.ConnectionString)
        {
            RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
                (errors & ~SslPolicyErrors.RemoteCertificateNameMismatch) == SslPolicyErrors.None
                && certificate is not null
                && (!verifyName || X509CertificateLoader.LoadCertificate(certificate.GetRawCertData()).MatchesHostname(name)),
        };
    }
}
