namespace Mosaic.Server.Credentials;

public static class CredentialsExtensions
{
    public static WebApplicationBuilder AddCredentials(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<CredentialEncryptor>();
        builder.Services.AddSingleton<CredentialChangeNotifier>();
        builder.Services.AddSingleton<ICredentialChangeNotifier>(sp => sp.GetRequiredService<CredentialChangeNotifier>());
        builder.Services.AddScoped<CredentialVault>();
        builder.Services.AddScoped<EncryptionKeyRotator>();
        return builder;
    }
}
