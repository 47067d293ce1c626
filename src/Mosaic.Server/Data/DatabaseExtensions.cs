using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Mosaic.Server.Configuration;

namespace Mosaic.Server.Data;

public static class DatabaseExtensions
{
    /// <summary>
    /// Registers both provider contexts; which one backs <see cref="MosaicDbContext"/> is decided from
    /// the settings when first resolved (so tests can swap configuration before start).
    /// </summary>
    public static WebApplicationBuilder AddDatabase(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<MySqlServerVersionSource>();
        services.AddDbContextFactory<SqliteMosaicDbContext>(
            (sp, o) =>
            {
                var s = sp.GetRequiredService<IOptions<MosaicSettings>>().Value;
                DatabaseConnections.UseSqlite(o, DatabaseConnections.SqliteConnectionString(s));
            }
        );
        services.AddDbContextFactory<MySqlMosaicDbContext>(
            (sp, o) =>
            {
                var s = sp.GetRequiredService<IOptions<MosaicSettings>>().Value;
                DatabaseConnections.UseMySql(
                    o,
                    DatabaseConnections.MySqlConnectionString(s),
                    sp.GetRequiredService<MySqlServerVersionSource>().Get()
                );
            }
        );
        services.AddSingleton<IDbContextFactory<MosaicDbContext>, MosaicDbContextFactory>();
        services.AddScoped<MosaicDbContext>(sp => sp.GetRequiredService<IDbContextFactory<MosaicDbContext>>().CreateDbContext());
        services.AddSingleton<DatabaseMigrator>();

        // Antiforgery tokens must validate on every replica, so their keys live in the shared database.
        services.AddDataProtection().SetApplicationName("Mosaic").PersistKeysToDbContext<MosaicDbContext>();
        return builder;
    }

    /// <summary>Applies pending migrations (with retries while the database comes up) unless turned off.</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        var settings = app.Services.GetRequiredService<IOptions<MosaicSettings>>().Value; // validates settings
        if (!settings.MigrateOnStartup)
            return;
        await app.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(app.Lifetime.ApplicationStopping);
    }
}

/// <summary>Creates the provider subclass that matches the configuration, typed as the shared base.</summary>
internal sealed class MosaicDbContextFactory(IServiceProvider services, IOptions<MosaicSettings> options)
    : IDbContextFactory<MosaicDbContext>
{
    public MosaicDbContext CreateDbContext() =>
        options.Value.UsesMySql
            ? services.GetRequiredService<IDbContextFactory<MySqlMosaicDbContext>>().CreateDbContext()
            : services.GetRequiredService<IDbContextFactory<SqliteMosaicDbContext>>().CreateDbContext();
}
