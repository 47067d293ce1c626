using Mosaic.Server.Connectors;
using Mosaic.Server.Sources.GitHub;
using Mosaic.Server.Sources.GoogleWorkspace;
using Mosaic.Server.Sources.Jira;
using Mosaic.Server.Sources.MySql;
using Mosaic.Server.Sources.S3;
using Mosaic.Server.Sources.Shopify;
using Mosaic.Server.Sources.Slack;

namespace Mosaic.Server.Sources;

/// <summary>
/// The seven built-in sources, in the order the UI lists them. A new built-in source is its connector project,
/// its Sandbox simulator, its folder here, and one line in this list.
/// </summary>
public static class BuiltInSources
{
    public static IReadOnlyList<IBuiltInSource> All { get; } =
    [
        new S3Source(),
        new JiraSource(),
        new MySqlSource(),
        new SlackSource(),
        new GitHubSource(),
        new ShopifySource(),
        new GoogleWorkspaceSource(),
    ];

    private static readonly Dictionary<string, IBuiltInSource> ById = All.ToDictionary(s => s.Definition.Id, StringComparer.Ordinal);

    /// <summary>Their definitions, which the connector registry starts from.</summary>
    public static IReadOnlyList<SourceDefinition> Definitions { get; } = [.. All.Select(s => s.Definition)];

    /// <summary>The built-in source with this id; null for a custom source.</summary>
    public static IBuiltInSource? Find(string id) => ById.GetValueOrDefault(id);
}
