using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Mosaic.Server.Configuration;

namespace Mosaic.Server.Data;

/// <summary>
/// The MySQL/MariaDB server version Pomelo generates SQL for: LOCAL_MYSQL_SERVER_VERSION when set,
/// otherwise asked of the server once (after it is reachable) and remembered.
/// </summary>
public sealed class MySqlServerVersionSource(IOptions<MosaicSettings> options)
{
    private ServerVersion? _detected;

    public ServerVersion Get()
    {
        var configured = options.Value.MySqlServerVersion;
        if (!string.IsNullOrWhiteSpace(configured))
            return ServerVersion.Parse(configured);
        return _detected ??= ServerVersion.AutoDetect(DatabaseConnections.MySqlConnectionString(options.Value));
    }
}
