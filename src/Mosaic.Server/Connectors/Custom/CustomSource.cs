namespace Mosaic.Server.Connectors.Custom;

/// <summary>
/// An MCP server an operator registered in connectors.json: a stdio command, or a Streamable HTTP URL
/// whose headers may contain <c>{field}</c> placeholders filled from the user's credentials.
/// </summary>
public sealed record CustomSource
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public string Description { get; init; } = "";
    public string? Icon { get; init; }
    public string? Command { get; init; }
    public IReadOnlyList<string> Args { get; init; } = [];
    public Uri? Url { get; init; }
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();
    public IReadOnlyList<CustomCredentialField> Credentials { get; init; } = [];

    /// <summary>Tools the operator vouches only read; every other tool needs approval, whatever the server says.</summary>
    public IReadOnlyList<string> ReadOnlyTools { get; init; } = [];

    /// <summary>Set for <c>"auth": "oauth"</c>: the scopes to ask for (empty: the server's own choice).</summary>
    public IReadOnlyList<string>? OAuthScopes { get; init; }
}

/// <param name="EnvVar">For stdio sources: the variable the value reaches the process through.</param>
public sealed record CustomCredentialField(string Name, string Label, string Type, bool Required, string? EnvVar);

/// <summary>connectors.json could not be used; the message names the file, the source and the field.</summary>
public sealed class ConnectorsFileException(string message) : Exception(message);
