using Microsoft.EntityFrameworkCore;
using Mosaic.Server.Data;

namespace Mosaic.Server.OAuth;

/// <summary>Whether a user may connect a source for the whole workspace: an admin now (read from the database, like the
/// admin policy, so a demotion counts at once). Scoped.</summary>
public sealed class OAuthAdmins(MosaicDbContext db)
{
    public Task<bool> IsAdminAsync(string userId, CancellationToken ct) =>
        db.Users.AsNoTracking().AnyAsync(u => u.Id == userId && u.Role == UserRoles.Admin && u.DisabledAt == null, ct);
}
