using Mosaic.Server.Connectors.Custom;
using Mosaic.Server.Telemetry;

namespace Mosaic.Server.Connectors.Hub;

/// <summary>Builds the launch spec of a registry entry from one user's decrypted credentials.</summary>
public static class ConnectorLaunch
{
    /// <summary>The variable that tells a built-in connector its credentials come with each call, not in its environment.</summary>
    public const string PerCallVariable = "MOSAIC_CREDENTIALS";

    /// <param name="operatorValues">Operator settings by variable name; a child process gets those its source declares
    /// (<see cref="SourceDefinition.OperatorVariables"/>), over anything the credentials say.</param>
    /// <param name="placement">Where a built-in connector runs (<see cref="McpHubOptions.Isolation"/>, connector
    /// services); null: a process of this user's own. Custom sources ignore it.</param>
    public static McpLaunchSpec ToSpec(
        SourceDefinition source,
        IReadOnlyDictionary<string, string> credentials,
        BuiltInConnectorLocator locator,
        IReadOnlyDictionary<string, string>? operatorValues = null,
        McpHubOptions? placement = null
    ) => Launch(source, credentials, locator, operatorValues, placement) with { Trust = ToolTrust.For(source) };

    static McpLaunchSpec Launch(
        SourceDefinition source,
        IReadOnlyDictionary<string, string> credentials,
        BuiltInConnectorLocator locator,
        IReadOnlyDictionary<string, string>? operatorValues,
        McpHubOptions? placement
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

        if (source.IsBuiltIn && placement?.ConnectorUrls.GetValueOrDefault(source.Id) is { } service)
            // The operator's connector service: every user's calls go there, each with its own credentials.
            return new HttpLaunchSpec(
                new Uri(service),
                new Dictionary<string, string> { ["Authorization"] = $"Bearer {placement.ConnectorKey}" }
            )
            {
                OperatorService = true,
                CallCredentials = CallEnvironment(source, credentials),
            };
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
            if (placement is { SharedProcesses: true })
            {
                // One process for every user: only the operator's settings in its environment, credentials per call.
                var shared = Environment(source, new Dictionary<string, string>(), operatorValues);
                shared[PerCallVariable] = "per-call";
                return new StdioLaunchSpec(program.Command, program.Arguments, shared)
                {
                    CallCredentials = CallEnvironment(source, credentials),
                };
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
        if (source.IsBuiltIn)
            foreach (var (name, value) in ConnectorTelemetryVariables.From(System.Environment.GetEnvironmentVariables()))
                env[name] = value;
        return env;
    }

    // What a process of the user's own would hold from their fields, minus the operator's variables: those are the
    // process's own and a user's field never overrides them.
    static Dictionary<string, string> CallEnvironment(SourceDefinition source, IReadOnlyDictionary<string, string> credentials) =>
        source.ToEnvironment(credentials).Where(e => !source.OperatorVariables.Contains(e.Key)).ToDictionary(StringComparer.Ordinal);

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
