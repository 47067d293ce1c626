using Mosaic.Server.Configuration;
using Mosaic.Server.Llm;

namespace Mosaic.Server.Chat;

public static class ChatExtensions
{
    /// <summary>The LLM provider, the router, the tool loop and chat history. Needs an IMcpHub.</summary>
    public static WebApplicationBuilder AddChat(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddLlm(builder.Configuration);
        services.AddSettings<ChatSettings>(builder.Configuration);
        services.AddSingleton<ApprovalBroker>();
        services.AddByLlmMode<IToolRouter, ToolRouter, OfflineToolRouter>();
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
