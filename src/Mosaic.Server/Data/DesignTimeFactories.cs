using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Mosaic.Server.Data;

// Used only by `dotnet ef migrations add`; no database is contacted.
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteMosaicDbContext>
{
    public SqliteMosaicDbContext CreateDbContext(string[] args)
    {
        var o = new DbContextOptionsBuilder<SqliteMosaicDbContext>();
        DatabaseConnections.UseSqlite(o, "Data Source=design.db");
        return new SqliteMosaicDbContext(o.Options);
    }
}

internal sealed class MySqlDesignTimeFactory : IDesignTimeDbContextFactory<MySqlMosaicDbContext>
{
    public MySqlMosaicDbContext CreateDbContext(string[] args)
    {
        var o = new DbContextOptionsBuilder<MySqlMosaicDbContext>();
        DatabaseConnections.UseMySql(o, "Server=localhost;Database=design", DatabaseConnections.DesignTimeMySqlVersion);
        return new MySqlMosaicDbContext(o.Options);
    }
}
