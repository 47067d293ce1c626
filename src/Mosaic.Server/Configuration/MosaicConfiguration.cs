using Microsoft.Extensions.Options;

namespace Mosaic.Server.Configuration;

public static class MosaicConfiguration
{
    /// <summary>
    /// Loads <c>.env</c> from the working directory into the process environment without overriding
    /// variables that are already set (the real environment wins), then maps ENVIRONMENT onto the
    /// ASP.NET Core environment name.
    /// </summary>
    public static WebApplicationOptions LoadEnvironment(string[] hostArgs)
    {
        var envFile = Path.Combine(Directory.GetCurrentDirectory(), ".env");
        if (File.Exists(envFile))
            DotNetEnv.Env.NoClobber().Load(envFile);

        var environment = System.Environment.GetEnvironmentVariable("ENVIRONMENT")?.Trim().ToLowerInvariant() switch
        {
            "production" => Environments.Production,
            "staging" => Environments.Staging,
            "development" or null or "" => Environments.Development,
            _ => null, // invalid: the settings validator reports it by name
        };
        // The working directory holds ./data and ./.env; appsettings.json and wwwroot ship with the app.
        return new WebApplicationOptions
        {
            Args = hostArgs,
            EnvironmentName = environment,
            ContentRootPath = AppContext.BaseDirectory,
        };
    }

    /// <summary>
    /// Binds <see cref="MosaicSettings"/> (see <see cref="SettingsBinding"/>), validates at start-up, and sets where Kestrel listens.
    /// </summary>
    public static WebApplicationBuilder AddMosaicSettings(this WebApplicationBuilder builder)
    {
        builder.Services.AddSettings<MosaicSettings>(builder.Configuration);
        builder.Services.AddSingleton<IValidateOptions<MosaicSettings>, MosaicSettingsValidator>();
        builder.Services.AddSingleton<MosaicSecrets>();
        builder.Services.AddSingleton(TimeProvider.System);

        // BACKEND_HOST/BACKEND_PORT decide the address unless the standard ASP.NET Core URL settings are used.
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]))
        {
            var settings = SettingsBinding.Read<MosaicSettings>(builder.Configuration);
            builder.WebHost.UseUrls($"http://{settings.ListenHost}:{settings.BackendPort}");
        }
        return builder;
    }
}
