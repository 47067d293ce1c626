using Mosaic.Server.Connectors.Custom;

namespace Mosaic.Server.Connectors.Hub;

/// <summary>Builds the launch spec of a registry entry from one user's decrypted credentials.</summary>
public static class ConnectorLaunch
{
    /// <param name="operatorValues">Operator settings by variable name; a child process gets those its source declares
    /// (<see cref="SourceDefinition.OperatorVariables"/>), over anything the credentials say.</param>
    public static McpLaunchSpec ToSpec(
        SourceDefinition source,
        IReadOnlyDictionary<string, string> credentials,
        BuiltInConnectorLocator locator,
        IReadOnlyDictionary<string, string>? operatorValues = null
    ) => Launch(source, credentials, locator, operatorValues) with { Trust = ToolTrust.For(source) };

    static McpLaunchSpec Launch(
        SourceDefinition source,
        IReadOnlyDictionary<string, string> credentials,
        BuiltInConnectorLocator locator,
        IReadOnlyDictionary<string, string>? operatorValues
    )
    {
        var missing = source.MissingFields(credentials).Select(f => f.Label).ToList();
        if (missing.Count > 0)
            throw new McpHubException(
                McpHubFailure.NotConfigured,
                source.Id,
                $"{source.Name} needs {string.Join(", ", missing)}; add it under Credentials."
            );
        // A value with a line break could smuggle a second header or confuse a connector's env parsing.
        if (
            source.CredentialFields.FirstOrDefault(f =>
                Has(credentials, f.Name) && credentials[f.Name].AsSpan().IndexOfAny('\r', '\n', '\0') >= 0
            ) is
            { } bad
        )
            throw new McpHubException(McpHubFailure.NotConfigured, source.Id, $"{source.Name}: {bad.Label} must be a single line.");

        if (source.Assembly is { } assembly)
        {
            (string Command, IReadOnlyList<string> Arguments) program;
            try
            {
                program = locator.Locate(assembly);
            }
            catch (FileNotFoundException e)
            {
                throw new McpHubException(McpHubFailure.StartFailed, source.Id, e.Message, e);
            }
            return new StdioLaunchSpec(program.Command, program.Arguments, Environment(source, credentials, operatorValues));
        }
        if (source.Command is { } command)
            return new StdioLaunchSpec(command, source.Args ?? [], Environment(source, credentials, operatorValues));
        if (source.Url is { } url)
            return new HttpLaunchSpec(new Uri(url), FillHeaders(source.Headers ?? new Dictionary<string, string>(), credentials));
        throw new McpHubException(McpHubFailure.StartFailed, source.Id, $"{source.Name} has no program or URL to connect to.");
    }

    static Dictionary<string, string> Environment(
        SourceDefinition source,
        IReadOnlyDictionary<string, string> credentials,
        IReadOnlyDictionary<string, string>? operatorValues
    )
    {
        var env = new Dictionary<string, string>(source.ToEnvironment(credentials), StringComparer.Ordinal);
        foreach (var name in source.OperatorVariables)
            env[name] = operatorValues?.GetValueOrDefault(name) ?? "";
        return env;
    }

    static Dictionary<string, string> FillHeaders(
        IReadOnlyDictionary<string, string> templates,
        IReadOnlyDictionary<string, string> credentials
    )
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, template) in templates)
        {
            var placeholders = ConnectorsFile.Placeholder().Matches(template).Select(m => m.Groups[1].Value);
            // A header built from an optional credential the user left empty is left out, not sent half-filled.
            if (placeholders.Any(p => !Has(credentials, p)))
                continue;
            headers[name] = ConnectorsFile.Placeholder().Replace(template, m => credentials[m.Groups[1].Value]);
        }
        return headers;
    }

    static bool Has(IReadOnlyDictionary<string, string> credentials, string name) =>
        credentials.TryGetValue(name, out var v) && !string.IsNullOrEmpty(v);
}
