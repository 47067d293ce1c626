using Mosaic.Server.Configuration;
using Mosaic.Server.Llm;

namespace Mosaic.Server.Agent;

public static class AgentExtensions
{
    /// <summary>The multi-source agent (detector, per-source runner, synthesizer, orchestrator) and the digest. Needs AddChat and an
    /// IMcpHub.</summary>
    public static WebApplicationBuilder AddAgent(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSettings<AgentSettings>(builder.Configuration);
        services.AddSettings<Digest.DigestSettings>(builder.Configuration);
        services.AddHybridCache();
        services.AddSingleton<Sources.Slack.PeopleDirectory>();
        services.AddByLlmMode<ISourcePlanner, ModelSourcePlanner, OfflineSourcePlanner>();
        services.AddSingleton<SourceDetector>();
        services.AddSingleton<SourceRunner>();
        services.AddSingleton<ResultSynthesizer>();
        services.AddScoped<AgentSources>();
        services.AddScoped<AgentOrchestrator>();
        services.AddScoped<Digest.DigestService>();
        services.AddScoped<Digest.DigestReconnects>();
        services.AddHostedService<Digest.DigestCacheInvalidator>();
        return builder;
    }
}
