using Mosaic.Server.Configuration;
using Mosaic.Server.Llm;

namespace Mosaic.Server.Chat;

public static class ChatExtensions
{
    /// <summary>The LLM provider, the router, the tool loop and chat history. Needs an IMcpHub.</summary>
    public static WebApplicationBuilder AddChat(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSettings<LlmSettings>(builder.Configuration);
        services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<LlmSettings>, LlmSettingsValidator>();
        services.AddSingleton(sp => LlmProviderFactory.Create(sp.GetRequiredService<LlmSettings>(),
            sp.GetRequiredService<ILoggerFactory>().CreateLogger("Mosaic.Server.Llm")));
        services.AddSettings<ChatSettings>(builder.Configuration);
        services.AddSingleton<ApprovalBroker>();
        services.AddSingleton<ToolRouter>();
        services.AddSingleton<ToolExecutor>();
        services.AddSingleton<ToolLoop>();
        services.AddSingleton<PromptService>();
        services.AddScoped<ChatHistoryStore>();
        services.AddSingleton<ActiveTurns>();
        services.AddHostedService<TurnHeartbeat>(); // keeps this process's in-progress turns from reading as interrupted
        services.AddScoped<ChatService>();
        return builder;
    }
}
