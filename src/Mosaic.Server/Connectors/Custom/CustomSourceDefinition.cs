namespace Mosaic.Server.Connectors.Custom;

public static class CustomSourceDefinition
{
    /// <summary>The registry entry for a custom source; it then behaves like a built-in one.</summary>
    public static SourceDefinition ToDefinition(this CustomSource source) =>
        new()
        {
            Id = source.Id,
            Name = source.Name,
            Description = source.Description,
            Icon = source.Icon ?? "mcp",
            CredentialFields = [.. source.Credentials.Select(c => new CredentialField(c.Name, c.Label, c.Type, c.Required, c.EnvVar))],
            Command = source.Command,
            Args = source.Command is null ? null : source.Args,
            Url = source.Url?.AbsoluteUri,
            Headers = source.Url is null ? null : source.Headers,
            ReadOnlyTools = source.ReadOnlyTools,
            McpOAuth = source.OAuthScopes is { } scopes ? new McpOAuthSettings(scopes) : null,
        };
}
