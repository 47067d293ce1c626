using Mosaic.Server.Configuration;

namespace Mosaic.Server.Audit;

public static class AuditExtensions
{
    /// <summary>The audit log, the tool-call recorder and the retention sweep (AUDIT_RETENTION_DAYS).</summary>
    public static WebApplicationBuilder AddAudit(this WebApplicationBuilder builder)
    {
        builder.Services.AddHttpContextAccessor(); // request id, address and e-mail for entries written in a request
        builder.Services.AddSingleton<IAuditLog, AuditLog>();
        builder.Services.AddSingleton<ToolCallAudit>();
        builder.Services.AddSettings<AuditSettings>(builder.Configuration);
        builder.Services.AddSingleton<AuditRetention>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<AuditRetention>());
        return builder;
    }
}
