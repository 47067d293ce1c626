using Mosaic.Server.Connectors.Hub;

namespace Mosaic.Server.Connectors.Custom;

/// <summary>Builds the launch spec of a custom source from one user's credentials.</summary>
public static class CustomSourceLaunch
{
    public static McpLaunchSpec ToSpec(CustomSource source, IReadOnlyDictionary<string, string> credentials)
    {
        var missing = source.Credentials.Where(f => f.Required && !Has(credentials, f.Name)).Select(f => f.Label).ToList();
        if (missing.Count > 0)
            throw new McpHubException(McpHubFailure.NotConfigured, source.Id,
                $"{source.Name} needs {string.Join(", ", missing)}; add it under Credentials.");

        if (source.Credentials.FirstOrDefault(f => Has(credentials, f.Name) && credentials[f.Name].AsSpan().IndexOfAny('\r', '\n', '\0') >= 0) is { } bad)
            throw new McpHubException(McpHubFailure.NotConfigured, source.Id, $"{source.Name}: {bad.Label} must be a single line.");

        if (source.Command is { } command)
        {
            var env = source.Credentials
                .Where(f => f.EnvVar is not null && Has(credentials, f.Name))
                .ToDictionary(f => f.EnvVar!, f => credentials[f.Name]);
            return new StdioLaunchSpec(command, source.Args, env);
        }

        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, template) in source.Headers)
        {
            var placeholders = ConnectorsFile.Placeholder().Matches(template).Select(m => m.Groups[1].Value).ToList();
            // A header built from an optional credential the user left empty is left out, not sent half-filled.
            if (placeholders.Any(p => !Has(credentials, p))) continue;
            headers[name] = ConnectorsFile.Placeholder().Replace(template, m => credentials[m.Groups[1].Value]);
        }
        return new HttpLaunchSpec(source.Url!, headers);
    }

    static bool Has(IReadOnlyDictionary<string, string> credentials, string name) =>
        credentials.TryGetValue(name, out var v) && !string.IsNullOrEmpty(v);
}
