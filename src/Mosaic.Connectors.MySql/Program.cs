using Microsoft.Extensions.DependencyInjection;
using Mosaic.Connectors.Common.Hosting;
using Mosaic.Connectors.MySql;
using Mosaic.Connectors.MySql.Data;
using Mosaic.Connectors.MySql.Tools;

// An stdio MCP server giving read-only SQL access to MySQL 8 / MariaDB, or to a SQLite file.
return await ConnectorHost.RunAsync(args, new ConnectorInfo("mysql", "MySQL"), connector =>
{
    var settings = MySqlSettings.FromEnv(connector.Env);
    connector.Services.AddSingleton(settings);
    // Built on first use: a per-call connector's process run has no credentials, and its database is never used.
    connector.Services.AddSingleton<IDatabase>(_ =>
        settings.IsSqlite ? new SqliteDatabase(settings) : new MySqlDatabase(settings, connector.Egress)
    );
    connector.AddTools<MySqlTools>();
    connector.AddTools<MySqlWhatsNewTools>();
    connector.AddTools<MySqlWhoamiTools>();
});
