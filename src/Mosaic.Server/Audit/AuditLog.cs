using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Mosaic.Server.Auth;
using Mosaic.Server.Data;

namespace Mosaic.Server.Audit;

/// <summary>
/// Writes audit entries through its own DbContext, so an entry never rides along with (or is rolled back by)
/// the caller's unit of work. Entries written during a request get its request id, address and the signed-in
/// user's e-mail when the feature did not set them, so every kind of entry carries them the same way.
/// </summary>
public sealed class AuditLog(
    IDbContextFactory<MosaicDbContext> contexts,
    IHttpContextAccessor http,
    TimeProvider time,
    ILogger<AuditLog> logger
) : IAuditLog
{
    public async Task WriteAsync(AuditEvent e, CancellationToken ct = default)
    {
        try
        {
            e = Stamp(e, http.HttpContext);
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

    /// <summary>
    /// The request id is <see cref="HttpContext.TraceIdentifier"/>, the same value every ProblemDetails carries as
    /// <c>trace_id</c>, so an error a person reports can be found in the log.
    /// </summary>
    internal static AuditEvent Stamp(AuditEvent e, HttpContext? http)
    {
        if (http is null)
            return e;
        var user = http.User;
        var sameUser = e.UserId is not null && user.FindUserId() == e.UserId;
        return e with
        {
            RequestId = e.RequestId ?? http.TraceIdentifier,
            Ip = e.Ip ?? http.Connection.RemoteIpAddress?.ToString(),
            UserEmail = e.UserEmail ?? (sameUser ? user.FindFirstValue(ClaimsPrincipalExtensions.EmailClaim) : null),
        };
    }
}
