using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Mosaic.Server.Auth;
using Mosaic.Server.Data;

namespace Mosaic.Server.Admin;

/// <summary>
/// The <c>admin</c> authorization policy: every <c>/api/admin/*</c> route requires it. The role is read from the
/// database on each request, never from the session token, so a demotion counts at once on every replica.
/// </summary>
public static class AdminAccess
{
    public const string Policy = "admin";

    /// <summary>The <c>/api/admin</c> route group: signed-in admins only (403 for members, 401 when signed out).</summary>
    public static RouteGroupBuilder MapAdminGroup(this WebApplication app, string prefix, string tag) =>
        app.MapGroup("/api/admin" + prefix).WithTags(tag).RequireAuthorization(Policy);

    public static IServiceCollection AddAdminAccess(this IServiceCollection services)
    {
        services.AddScoped<IAuthorizationHandler, AdminRoleHandler>();
        services.AddAuthorization(o => o.AddPolicy(Policy, p => p.RequireAuthenticatedUser().AddRequirements(new AdminRoleRequirement())));
        return services;
    }

    private sealed class AdminRoleRequirement : IAuthorizationRequirement;

    private sealed class AdminRoleHandler(MosaicDbContext db) : AuthorizationHandler<AdminRoleRequirement>
    {
        protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, AdminRoleRequirement requirement)
        {
            if (context.User.FindUserId() is not { } userId)
                return;
            var isAdmin = await db.Users.AsNoTracking().AnyAsync(u => u.Id == userId && u.Role == UserRoles.Admin && u.DisabledAt == null);
            if (isAdmin)
                context.Succeed(requirement);
        }
    }
}
