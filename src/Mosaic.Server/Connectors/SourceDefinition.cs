namespace Mosaic.Server.Connectors;

/// <summary>
/// One datasource (docs/architecture.md#sources): what the UI shows, which credentials it needs, keyword patterns for
/// the direct routing tier (docs/architecture.md#tool-routing), and how to start its MCP server. Built-ins name their connector
/// project in <see cref="Assembly"/>; custom sources give a stdio <see cref="Command"/>/<see cref="Args"/>
/// or a Streamable HTTP <see cref="Url"/>/<see cref="Headers"/>.
/// </summary>
public sealed record SourceDefinition
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public required string Description { get; init; }
    public required string Icon { get; init; }
    public bool Enabled { get; init; } = true;
    public IReadOnlyList<CredentialField> CredentialFields { get; init; } = [];
    public IReadOnlyList<DirectRoutingPattern> DirectRouting { get; init; } = [];

    /// <summary>Extra checks over several fields (e.g. MySQL: host+user+database or sqlite_path).</summary>
    public IReadOnlyList<CredentialRule> CredentialRules { get; init; } = [];

    /// <summary>Connector project/assembly for built-ins, e.g. "Mosaic.Connectors.Slack".</summary>
    public string? Assembly { get; init; }
    public string? Command { get; init; }
    public IReadOnlyList<string>? Args { get; init; }
    public string? Url { get; init; }
    public IReadOnlyDictionary<string, string>? Headers { get; init; }

    /// <summary>Custom sources: the tools connectors.json vouches only read (<c>read_only_tools</c>);
    /// see <see cref="Hub.ToolTrust"/>.</summary>
    public IReadOnlyList<string> ReadOnlyTools { get; init; } = [];

    /// <summary>A remote MCP server connected with the MCP authorization flow (connectors.json <c>"auth": "oauth"</c>).</summary>
    public McpOAuthSettings? McpOAuth { get; init; }

    /// <summary>
    /// Operator settings (host environment variable names) the connector gets besides the user's fields, e.g.
    /// MySQL: MOSAIC_SQLITE_DIRS and MOSAIC_DATA_DIR. They override any field, so a user cannot set them.
    /// </summary>
    public IReadOnlyList<string> OperatorVariables { get; init; } = [];

    public bool IsBuiltIn => Assembly is not null;

    public CredentialField? FindField(string name) => CredentialFields.FirstOrDefault(f => f.Name == name);

    /// <summary>The fields a person enters (or an admin fixes): all but those only an OAuth connection writes.</summary>
    public IEnumerable<CredentialField> PasteFields => CredentialFields.Where(f => !f.OAuthOnly);

    /// <summary>The required fields <paramref name="credentials"/> lack; none when an OAuth-only field is set (Google's access
    /// token stands in for the client and refresh token a person would paste).</summary>
    public IEnumerable<CredentialField> MissingFields(IReadOnlyDictionary<string, string> credentials) =>
        CredentialFields.Any(f => f.OAuthOnly && credentials.TryGetValue(f.Name, out var v) && v.Length > 0)
            ? []
            : CredentialFields.Where(f => f.Required && !(credentials.TryGetValue(f.Name, out var v) && !string.IsNullOrWhiteSpace(v)));

    /// <summary>The process environment for this connector from a user's saved fields (see docs/architecture.md#sources).</summary>
    public IReadOnlyDictionary<string, string> ToEnvironment(IReadOnlyDictionary<string, string> credentials) =>
        CredentialFields
            .Where(f => f.EnvVar is not null && credentials.TryGetValue(f.Name, out var v) && v.Length > 0)
            .ToDictionary(f => f.EnvVar!, f => credentials[f.Name]);
}

/// <param name="Scopes">The scopes to ask for; empty lets the SDK take them from the server's metadata.</param>
public sealed record McpOAuthSettings(IReadOnlyList<string> Scopes);

/// <summary>A credential input. Type is "text", "password", "url", "number" or "checkbox".</summary>
public sealed record CredentialField(string Name, string Label, string Type, bool Required, string? EnvVar)
{
    public string? Placeholder { get; init; }
    public string? Help { get; init; }

    /// <summary>The value names a SQLite file on this host: accepted only where MOSAIC_SQLITE_DIRS allows.</summary>
    public bool SqliteFile { get; init; }

    /// <summary>A check of the value on its own: the error to show, or null when it is fine.</summary>
    public Func<string, string?>? Check { get; init; }

    /// <summary>
    /// Says where the connector connects (a site, host, port, endpoint, region, file), not who it acts as. An admin
    /// may fix such a field for the whole workspace; members then never see it (docs/administration.md#sources).
    /// </summary>
    public bool Location { get; init; }

    /// <summary>
    /// Written only by a one-click OAuth connection (docs/oauth.md), e.g. Google's access token that Mosaic keeps fresh: the
    /// paste form never shows it and a pasted value is refused.
    /// </summary>
    public bool OAuthOnly { get; init; }

    /// <summary>
    /// The egress allow entry ("host:port") that an admin-fixed value of this field opens for this source's connector,
    /// given all fixed values; null when it names no host. Url fields need none: their URL's host and port are used.
    /// </summary>
    public Func<IReadOnlyDictionary<string, string>, string?>? EgressEntry { get; init; }
}

/// <summary>If the message contains any keyword (case-insensitive), call <see cref="Tool"/> directly.</summary>
public sealed record DirectRoutingPattern(IReadOnlyList<string> Keywords, string Tool);

/// <summary>A cross-field rule: <see cref="IsSatisfied"/> gets the non-empty fields; <see cref="Message"/> explains a failure.</summary>
public sealed record CredentialRule(string Message, Func<IReadOnlyDictionary<string, string>, bool> IsSatisfied);
