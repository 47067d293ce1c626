using Microsoft.EntityFrameworkCore;
using Mosaic.Server.Data;

namespace Mosaic.Server.Audit;

/// <summary>
/// Writes audit entries through its own DbContext, so an entry never rides along with (or is rolled back by)
/// the caller's unit of work.
/// </summary>
public sealed class AuditLog(IDbContextFactory<MosaicDbContext> contexts, TimeProvider time, ILogger<AuditLog> logger) : IAuditLog
{
    public async Task WriteAsync(AuditEvent e, CancellationToken ct = default)
    {
        try
        {
            await using var db = await contexts.CreateDbContextAsync(CancellationToken.None);
            db.AuditLog.Add(
                new AuditEntry
                {
                    At = time.GetUtcNow().UtcDateTime,
                    Kind = e.Kind,
                    Action = e.Action,
                    Outcome = e.Outcome,
                    UserId = e.UserId,
                    UserEmail = e.UserEmail,
                    Source = e.Source,
                    Tool = e.Tool,
                    Arguments = e.Arguments is null ? null : AuditRedactor.RedactJson(e.Arguments),
                    Approval = e.Approval,
                    ApprovedBy = e.ApprovedBy,
                    DurationMs = e.DurationMs,
                    FromCache = e.FromCache,
                    SessionId = e.SessionId,
                    RequestId = e.RequestId,
                    Target = e.Target,
                    Detail = e.Detail,
                    Ip = e.Ip,
                }
            );
            // Not the caller's token: a client that hangs up after the action still leaves its record.
            await db.SaveChangesAsync(CancellationToken.None);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Could not write an audit entry ({Kind}/{Action})", e.Kind, e.Action);
        }
    }
}
