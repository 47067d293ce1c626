using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Mosaic.Server.Configuration;
using Mosaic.Server.Data;

namespace Mosaic.Server.Admin;

public static class PeopleExtensions
{
    /// <summary>Roles, who may join (MOSAIC_SIGNUP, invitations) and the people an admin manages.</summary>
    public static WebApplicationBuilder AddPeople(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSettings<PeopleSettings>(builder.Configuration);
        services.AddSingleton<IValidateOptions<PeopleSettings>, PeopleSettingsValidator>();
        services.AddScoped<SignupPolicyStore>();
        services.AddScoped<InviteStore>();
        services.AddScoped<SignupGate>();
        services.AddScoped<PeopleService>();
        services.AddSingleton<UserAccess>();
        services.AddHostedService<AdminBootstrap>(); // MOSAIC_ADMIN_EMAILS, and an admin for an upgraded install
        return builder;
    }

    public static WebApplication MapPeopleEndpoints(this WebApplication app)
    {
        app.MapJoinEndpoints();
        app.MapAdminUserEndpoints();
        app.MapInviteEndpoints();
        app.MapWorkspaceEndpoints();
        return app;
    }
}

/// <summary>
/// Before the server takes requests: every account listed in MOSAIC_ADMIN_EMAILS is an admin, and a workspace
/// with accounts but no enabled admin (an install upgraded from before roles) makes its oldest account the admin.
/// </summary>
internal sealed class AdminBootstrap(IServiceScopeFactory scopes, PeopleSettings people, TimeProvider time, ILogger<AdminBootstrap> logger)
    : IHostedLifecycleService
{
    // Starting runs before any hosted service's StartAsync, the web server's included.
    public async Task StartingAsync(CancellationToken ct)
    {
        try
        {
            await EnsureAdminsAsync(ct);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            // The server still starts with its database down (health says 503 until it is back); the roles are
            // checked again at the next start, and sign-in needs the database anyway.
            logger.LogError(e, "Could not check the workspace's admins at start-up: the database did not answer");
        }
    }

    private async Task EnsureAdminsAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MosaicDbContext>();
        await AdminGuard.EnsureAsync(db, time, ct);

        var listed = people.AdminEmailSet.ToList();
        if (listed.Count > 0)
        {
            var promoted = await db
                .Users.Where(u => listed.Contains(u.Email) && u.Role != UserRoles.Admin)
                .Select(u => u.Id)
                .ToListAsync(ct);
            if (promoted.Count > 0)
            {
                await db.Users.Where(u => promoted.Contains(u.Id)).ExecuteUpdateAsync(u => u.SetProperty(x => x.Role, UserRoles.Admin), ct);
                logger.LogInformation("Made {Count} accounts listed in MOSAIC_ADMIN_EMAILS admins: {UserIds}", promoted.Count, promoted);
            }
        }

        if (await db.Users.AnyAsync(u => u.Role == UserRoles.Admin && u.DisabledAt == null, ct))
            return;
        var oldest = await db
            .Users.Where(u => u.DisabledAt == null)
            .OrderBy(u => u.CreatedAt)
            .ThenBy(u => u.Id)
            .Select(u => u.Id)
            .FirstOrDefaultAsync(ct);
        if (oldest is null)
            return; // no accounts yet: the first sign-up becomes the admin
        await db.Users.Where(u => u.Id == oldest).ExecuteUpdateAsync(u => u.SetProperty(x => x.Role, UserRoles.Admin), ct);
        logger.LogWarning("The workspace had accounts but no admin: the oldest account, user {UserId}, is now its admin", oldest);
    }

    public Task StartAsync(CancellationToken ct) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken ct) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken ct) => Task.CompletedTask;

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken ct) => Task.CompletedTask;
}
