namespace Mosaic.Server.Datasources;

public static class DatasourcesExtensions
{
    /// <summary>Connection tests and the identities they find (the digest reads them too).</summary>
    public static WebApplicationBuilder AddDatasources(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<SourceIdentities>();
        builder.Services.AddScoped<SourceTester>();
        return builder;
    }
}
