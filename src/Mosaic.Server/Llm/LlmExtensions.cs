using Mosaic.Server.Configuration;

namespace Mosaic.Server.Llm;

public static class LlmExtensions
{
    /// <summary>The provider, picked once from the final configuration, and the synthesizer of its mode.</summary>
    public static IServiceCollection AddLlm(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSettings<LlmSettings>(configuration);
        services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<LlmSettings>, LlmSettingsValidator>();
        services.AddSingleton(sp =>
            LlmProviderFactory.Create(
                sp.GetRequiredService<LlmSettings>(),
                sp.GetRequiredService<ILoggerFactory>().CreateLogger("Mosaic.Server.Llm")
            )
        );
        services.AddByLlmMode<ISynthesizer, ModelSynthesizer, ExtractiveSynthesizer>();
        return services;
    }

    /// <summary>
    /// A service with a model and an Offline implementation, as a singleton of the provider's mode. The one place
    /// where the two modes part: the services themselves never ask which mode they are in.
    /// </summary>
    public static IServiceCollection AddByLlmMode<TService, TModel, TOffline>(this IServiceCollection services)
        where TService : class
        where TModel : class, TService
        where TOffline : class, TService =>
        services.AddSingleton<TService>(sp =>
            sp.GetRequiredService<LlmProvider>().IsOffline
                ? ActivatorUtilities.CreateInstance<TOffline>(sp)
                : ActivatorUtilities.CreateInstance<TModel>(sp)
        );
}
