using Microsoft.EntityFrameworkCore;

namespace Mosaic.Server.Data;

/// <summary>MySQL/MariaDB flavour of <see cref="MosaicDbContext"/>; migrations in Data/Migrations/MySql.</summary>
public sealed class MySqlMosaicDbContext(DbContextOptions<MySqlMosaicDbContext> options) : MosaicDbContext(options)
{
    protected override void ConfigureProvider(ModelBuilder b)
    {
        b.HasCharSet("utf8mb4");
        b.Entity<ChatHistoryEntry>().Property(c => c.Metadata).HasColumnType("json");
        b.Entity<User>().Property(u => u.ProfilePicture).HasColumnType("text");
        b.Entity<ChatHistoryEntry>().Property(c => c.Content).HasColumnType("mediumtext");
        b.Entity<Credential>().Property(c => c.EncryptedData).HasColumnType("text");
        b.Entity<AuditEntry>().Property(a => a.Arguments).HasColumnType("text");
        b.Entity<AuditEntry>().Property(a => a.Detail).HasColumnType("text");
        b.Entity<SourceSetting>().Property(s => s.FixedSettings).HasColumnType("text");
        b.Entity<WorkspaceSetting>().Property(w => w.Value).HasColumnType("text");
        b.Entity<OAuthApp>().Property(o => o.EncryptedSecret).HasColumnType("text");
    }
}
