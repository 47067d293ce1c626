using Mosaic.Server.Connectors.Custom;
using Mosaic.Server.Sources;

namespace Mosaic.Server.Connectors;

/// <summary>
/// The datasources this server knows (docs/architecture.md#sources). Singleton. Built from a list so configured
/// sources (connectors.json, see <see cref="Custom.CustomSources"/>) can be appended to <see cref="BuiltInSources.Definitions"/>.
/// </summary>
public sealed class SourceRegistry
{
    private readonly Dictionary<string, SourceDefinition> _byId;

    public SourceRegistry(IEnumerable<SourceDefinition> connectors)
    {
        All = connectors.ToList();
        _byId = new Dictionary<string, SourceDefinition>(StringComparer.Ordinal);
        foreach (var c in All)
            if (!_byId.TryAdd(c.Id, c))
                throw new InvalidOperationException($"Two datasources share the id '{c.Id}'.");
    }

    public IReadOnlyList<SourceDefinition> All { get; }

    public SourceDefinition? Find(string id) => _byId.GetValueOrDefault(id);
}

public static class ConnectorExtensions
{
    public static WebApplicationBuilder AddConnectors(this WebApplicationBuilder builder)
    {
        // Custom sources from connectors.json join the built-ins; a malformed file stops start-up.
        builder.Services.AddSingleton(sp => new SourceRegistry([
            .. BuiltInSources.Definitions,
            .. CustomSources.Load(sp.GetRequiredService<IConfiguration>(), BuiltInSources.Definitions.Select(c => c.Id).ToHashSet()),
        ]));
        builder.Services.AddHostedService<CustomSourcesStartupCheck>();
        builder.Services.AddSingleton<SqliteFileAccess>();
        builder.Services.AddScoped<SourcePolicies>();
        builder.Services.AddScoped<UsableSources>();
        builder.Services.AddSingleton<SetupCache>();
        return builder;
    }
}
