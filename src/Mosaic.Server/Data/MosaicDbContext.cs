using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Mosaic.Server.Data;

/// <summary>
/// The application database (docs/architecture.md#database). Resolve <see cref="MosaicDbContext"/> (scoped) or
/// <c>IDbContextFactory&lt;MosaicDbContext&gt;</c>; the provider subclass (SQLite or MySQL/MariaDB)
/// is chosen from configuration and carries its own migrations.
/// </summary>
public abstract class MosaicDbContext(DbContextOptions options) : DbContext(options), IDataProtectionKeyContext
{
    public DbSet<User> Users => Set<User>();
    public DbSet<ChatHistoryEntry> ChatHistory => Set<ChatHistoryEntry>();
    public DbSet<Credential> Credentials => Set<Credential>();
    public DbSet<RevokedToken> RevokedTokens => Set<RevokedToken>();
    public DbSet<Invite> Invites => Set<Invite>();
    public DbSet<WorkspaceSetting> WorkspaceSettings => Set<WorkspaceSetting>();
    public DbSet<SourceSetting> SourceSettings => Set<SourceSetting>();
    public DbSet<AuditEntry> AuditLog => Set<AuditEntry>();
    public DbSet<OAuthState> OAuthStates => Set<OAuthState>();
    public DbSet<OAuthApp> OAuthApps => Set<OAuthApp>();

    /// <summary>ASP.NET Core data-protection keys (antiforgery), shared by every replica.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder b)
    {
        b.Entity<User>(e =>
        {
            e.ToTable("users");
            e.HasKey(u => u.Id);
            e.Property(u => u.Id).HasMaxLength(36);
            e.Property(u => u.Email).HasMaxLength(255);
            e.HasIndex(u => u.Email).IsUnique().HasDatabaseName("ix_users_email");
            e.Property(u => u.PasswordHash).HasMaxLength(255);
            e.Property(u => u.Name).HasMaxLength(255);
            e.Property(u => u.FailedLoginAttempts).HasDefaultValue(0);
            e.Property(u => u.Role).HasMaxLength(20).HasDefaultValue(UserRoles.Member);
        });
        b.Entity<ChatHistoryEntry>(e =>
        {
            e.ToTable("chat_history");
            e.HasKey(c => c.Id);
            e.Property(c => c.Id).HasMaxLength(36);
            e.Property(c => c.UserId).HasMaxLength(36);
            e.Property(c => c.SessionId).HasMaxLength(100);
            e.Property(c => c.Datasource).HasMaxLength(50);
            e.Property(c => c.Role).HasMaxLength(20);
            e.Property(c => c.Status).HasMaxLength(20);
            e.HasIndex(c => c.SessionId).HasDatabaseName("idx_session");
            e.HasIndex(c => c.Datasource).HasDatabaseName("idx_datasource");
            e.HasIndex(c => new { c.UserId, c.CreatedAt }).HasDatabaseName("idx_chat_user_created");
            e.HasOne<User>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<Credential>(e =>
        {
            e.ToTable("credentials");
            e.HasKey(c => c.Id);
            e.Property(c => c.Id).HasMaxLength(36);
            e.Property(c => c.UserId).HasMaxLength(36);
            e.Property(c => c.SessionId).HasMaxLength(100);
            e.Property(c => c.Datasource).HasMaxLength(50);
            e.HasIndex(c => new { c.UserId, c.Datasource }).IsUnique().HasDatabaseName("uq_user_datasource");
            e.HasOne<User>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Cascade);
            e.Property(c => c.Identity).HasMaxLength(500);
            e.Property(c => c.Auth).HasMaxLength(20);
            e.Property(c => c.ReconnectReason).HasMaxLength(500);
        });
        b.Entity<OAuthState>(e =>
        {
            e.ToTable("oauth_states");
            e.HasKey(o => o.Id);
            e.Property(o => o.Id).HasMaxLength(64);
            e.Property(o => o.UserId).HasMaxLength(36);
            e.Property(o => o.SessionHash).HasMaxLength(64);
            e.Property(o => o.Source).HasMaxLength(50);
            e.Property(o => o.EncryptedVerifier).HasMaxLength(1000);
            e.Property(o => o.Data).HasMaxLength(4000);
            e.HasIndex(o => o.ExpiresAt).HasDatabaseName("idx_oauth_states_expires");
            e.HasOne<User>().WithMany().HasForeignKey(o => o.UserId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<OAuthApp>(e =>
        {
            e.ToTable("oauth_apps");
            e.HasKey(o => o.Provider);
            e.Property(o => o.Provider).HasMaxLength(20);
            e.Property(o => o.ClientId).HasMaxLength(255);
            e.Property(o => o.UpdatedBy).HasMaxLength(36);
        });
        b.Entity<Invite>(e =>
        {
            e.ToTable("invites");
            e.HasKey(i => i.Id);
            e.Property(i => i.Id).HasMaxLength(36);
            e.Property(i => i.TokenHash).HasMaxLength(64);
            e.HasIndex(i => i.TokenHash).IsUnique().HasDatabaseName("uq_invites_token");
            e.Property(i => i.Email).HasMaxLength(255);
            e.Property(i => i.Role).HasMaxLength(20);
            e.Property(i => i.CreatedBy).HasMaxLength(36);
            e.Property(i => i.UsedBy).HasMaxLength(36);
        });
        b.Entity<WorkspaceSetting>(e =>
        {
            e.ToTable("workspace_settings");
            e.HasKey(w => w.Key);
            e.Property(w => w.Key).HasMaxLength(64);
            e.Property(w => w.UpdatedBy).HasMaxLength(36);
        });
        b.Entity<SourceSetting>(e =>
        {
            e.ToTable("source_settings");
            e.HasKey(s => s.SourceId);
            e.Property(s => s.SourceId).HasMaxLength(50);
            e.Property(s => s.Connection).HasMaxLength(20);
            e.Property(s => s.UpdatedBy).HasMaxLength(36);
        });
        b.Entity<AuditEntry>(e =>
        {
            e.ToTable("audit_log");
            e.HasKey(a => a.Id);
            e.Property(a => a.Id).ValueGeneratedOnAdd();
            e.Property(a => a.Kind).HasMaxLength(20);
            e.Property(a => a.Action).HasMaxLength(64);
            e.Property(a => a.UserId).HasMaxLength(36);
            e.Property(a => a.UserEmail).HasMaxLength(255);
            e.Property(a => a.Source).HasMaxLength(50);
            e.Property(a => a.Tool).HasMaxLength(100);
            e.Property(a => a.Approval).HasMaxLength(20);
            e.Property(a => a.ApprovedBy).HasMaxLength(36);
            e.Property(a => a.Outcome).HasMaxLength(20);
            e.Property(a => a.SessionId).HasMaxLength(100);
            e.Property(a => a.RequestId).HasMaxLength(100);
            e.Property(a => a.Target).HasMaxLength(100);
            e.Property(a => a.Ip).HasMaxLength(64);
            e.HasIndex(a => a.At).HasDatabaseName("idx_audit_at");
            e.HasIndex(a => new { a.UserId, a.At }).HasDatabaseName("idx_audit_user_at");
            e.HasIndex(a => new { a.Source, a.At }).HasDatabaseName("idx_audit_source_at");
        });
        b.Entity<RevokedToken>(e =>
        {
            e.ToTable("revoked_tokens");
            e.HasKey(t => t.Jti);
            e.Property(t => t.Jti).HasMaxLength(64);
            e.Property(t => t.UserId).HasMaxLength(36);
            e.HasIndex(t => t.ExpiresAt).HasDatabaseName("idx_revoked_expires");
        });
        b.Entity<DataProtectionKey>().ToTable("data_protection_keys");

        ApplySnakeCaseColumns(b);
        ConfigureProvider(b);
    }

    /// <summary>Provider-specific column types (e.g. JSON on MySQL).</summary>
    protected abstract void ConfigureProvider(ModelBuilder b);

    protected override void ConfigureConventions(ModelConfigurationBuilder c)
    {
        // Every timestamp is UTC; SQLite and MySQL DATETIME drop the Kind, so restore it on read.
        c.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }

    private static void ApplySnakeCaseColumns(ModelBuilder b)
    {
        foreach (var entity in b.Model.GetEntityTypes())
        foreach (var property in entity.GetProperties())
            property.SetColumnName(ToSnakeCase(property.Name));
    }

    internal static string ToSnakeCase(string name) =>
        string.Concat(
            name.Select((ch, i) => i > 0 && char.IsUpper(ch) ? "_" + char.ToLowerInvariant(ch) : char.ToLowerInvariant(ch).ToString())
        );

    private sealed class UtcDateTimeConverter()
        : ValueConverter<DateTime, DateTime>(
            v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
            v => DateTime.SpecifyKind(v, DateTimeKind.Utc)
        );
}
