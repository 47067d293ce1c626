using System.Security.Claims;
using System.Text.Json;
using Mosaic.Server.Auth;

namespace Mosaic.Server.Audit;

/// <summary>Audit events stamped with what the request knows: the signed-in actor, the client IP, the request id.</summary>
public static class AuditRequests
{
    public const string Success = "success";
    public const string Denied = "denied";

    public static AuditEvent AuditEvent(this HttpContext http, string kind, string action, string outcome = Success) =>
        new(kind, action, outcome)
        {
            UserId = http.User.FindUserId(),
            UserEmail = http.User.FindFirstValue(ClaimsPrincipalExtensions.EmailClaim),
            Ip = http.Connection.RemoteIpAddress?.ToString(), // the client's, once TRUSTED_PROXIES has been applied
            RequestId = http.TraceIdentifier,
        };

    /// <summary>A small JSON object for <see cref="Audit.AuditEvent.Detail"/> (names as written, nulls left out).</summary>
    public static string Detail(object facts) => JsonSerializer.Serialize(facts, DetailJson);

    static readonly JsonSerializerOptions DetailJson = new()
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };
}
