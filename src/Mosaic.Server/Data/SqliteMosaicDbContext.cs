using Microsoft.EntityFrameworkCore;

namespace Mosaic.Server.Data;

/// <summary>SQLite flavour of <see cref="MosaicDbContext"/>; migrations in Data/Migrations/Sqlite.</summary>
public sealed class SqliteMosaicDbContext(DbContextOptions<SqliteMosaicDbContext> options) : MosaicDbContext(options)
{
    protected override void ConfigureProvider(ModelBuilder b) { }
}
