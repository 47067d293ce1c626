using System.Text.Json;

namespace Mosaic.Server.Connectors.Custom;

/// <summary>Validates one entry of connectors.json. Strict: an unknown field is more likely a typo than intent.</summary>
internal static class CustomSourceParser
{
    static readonly HashSet<string> SourceFields =
    [
        "id",
        "name",
        "description",
        "icon",
        "command",
        "args",
        "url",
        "headers",
        "credentials",
        "read_only_tools",
        "auth",
        "scopes",
    ];
    static readonly HashSet<string> CredentialFields = ["name", "label", "type", "required", "env_var"];
    static readonly HashSet<string> CredentialTypes = ["text", "password", "url", "number", "checkbox"];

    /// <param name="inheritedVariables">The operator's extra inherited variables; no credential may override them.</param>
    public static CustomSource Parse(JsonElement e, string at, IReadOnlyCollection<string> inheritedVariables)
    {
        if (e.ValueKind != JsonValueKind.Object)
            throw Fail(at, "must be an object");
        var id = RequiredString(e, "id", at);
        if (!ConnectorsFile.IdPattern().IsMatch(id))
            throw Fail(at, "\"id\" must be 1-64 lower-case letters, digits, '_' or '-'");
        at = $"{at} (id \"{id}\")";
        foreach (var p in e.EnumerateObject())
            if (!SourceFields.Contains(p.Name))
                throw Fail(at, $"unknown field \"{p.Name}\" (allowed: {string.Join(", ", SourceFields)})");

        var command = OptionalString(e, "command", at);
        var urlText = OptionalString(e, "url", at);
        if ((command is null) == (urlText is null))
            throw Fail(at, "give exactly one of \"command\" (stdio) or \"url\" (Streamable HTTP)");

        var credentials = Credentials(e, at, isStdio: command is not null, inheritedVariables);
        var source = new CustomSource
        {
            Id = id,
            Name = RequiredString(e, "name", at),
            Description = OptionalString(e, "description", at) ?? "",
            Icon = OptionalString(e, "icon", at),
            Command = command,
            Credentials = credentials,
            ReadOnlyTools = ReadOnlyTools(e, at),
        };
        if (command is not null)
        {
            if (e.TryGetProperty("auth", out _) || e.TryGetProperty("scopes", out _))
                throw Fail(at, "\"auth\" and \"scopes\" only apply to a \"url\" source");
            if (e.TryGetProperty("headers", out _))
                throw Fail(at, "\"headers\" only applies to a \"url\" source");
            return source with { Args = Args(e, at) };
        }
        if (e.TryGetProperty("args", out _))
            throw Fail(at, "\"args\" only applies to a \"command\" source");
        var oauth = OAuth(e, at);
        if (!Uri.TryCreate(urlText, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
            throw Fail(at, "\"url\" must be an absolute http:// or https:// URL");
        return source with { Url = url, Headers = Headers(e, at, credentials), OAuthScopes = oauth };
    }

    // "auth": "oauth" — the MCP authorization flow (docs/oauth.md#remote-mcp-servers); "scopes" only with it.
    static List<string>? OAuth(JsonElement e, string at)
    {
        var auth = OptionalString(e, "auth", at);
        if (auth is not (null or "oauth"))
            throw Fail(at, "\"auth\" must be \"oauth\" (or left out for headers and credentials)");
        if (!e.TryGetProperty("scopes", out var list))
            return auth is null ? null : [];
        if (auth is null)
            throw Fail(at, "\"scopes\" only applies with \"auth\": \"oauth\"");
        if (list.ValueKind != JsonValueKind.Array || list.EnumerateArray().Any(t => t.ValueKind != JsonValueKind.String))
            throw Fail(at, "\"scopes\" must be an array of strings");
        var scopes = list.EnumerateArray().Select(t => t.GetString()!).ToList();
        if (scopes.FirstOrDefault(s => !ConnectorsFile.ScopePattern().IsMatch(s)) is { } bad)
            throw Fail(at, $"scopes: \"{bad}\" is not a scope (printable characters without spaces, quotes or backslashes)");
        return [.. scopes.Distinct()];
    }

    static List<string> Args(JsonElement e, string at)
    {
        if (!e.TryGetProperty("args", out var args))
            return [];
        if (args.ValueKind != JsonValueKind.Array || args.EnumerateArray().Any(a => a.ValueKind != JsonValueKind.String))
            throw Fail(at, "\"args\" must be an array of strings");
        return [.. args.EnumerateArray().Select(a => a.GetString()!)];
    }

    // The operator's word that these tools only read: the server's own readOnlyHint is not believed (see ToolTrust).
    static List<string> ReadOnlyTools(JsonElement e, string at)
    {
        if (!e.TryGetProperty("read_only_tools", out var list))
            return [];
        if (list.ValueKind != JsonValueKind.Array || list.EnumerateArray().Any(t => t.ValueKind != JsonValueKind.String))
            throw Fail(at, "\"read_only_tools\" must be an array of tool names");
        var names = new List<string>();
        foreach (var name in list.EnumerateArray().Select(t => t.GetString()!))
        {
            if (!ConnectorsFile.ToolNamePattern().IsMatch(name))
                throw Fail(at, $"read_only_tools: \"{name}\" is not a tool name (1-128 letters, digits, '_', '-' or '.')");
            if (names.Contains(name))
                throw Fail(at, $"read_only_tools: \"{name}\" appears twice");
            names.Add(name);
        }
        return names;
    }

    static Dictionary<string, string> Headers(JsonElement e, string at, IReadOnlyList<CustomCredentialField> credentials)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (!e.TryGetProperty("headers", out var h))
            return headers;
        if (h.ValueKind != JsonValueKind.Object)
            throw Fail(at, "\"headers\" must be an object of strings");
        foreach (var p in h.EnumerateObject())
        {
            if (p.Value.ValueKind != JsonValueKind.String)
                throw Fail(at, $"headers.{p.Name} must be a string");
            foreach (System.Text.RegularExpressions.Match m in ConnectorsFile.Placeholder().Matches(p.Value.GetString()!))
                if (!credentials.Any(c => c.Name == m.Groups[1].Value))
                    throw Fail(at, $"headers.{p.Name} uses {{{m.Groups[1].Value}}}, which is not one of its \"credentials\"");
            headers[p.Name] = p.Value.GetString()!;
        }
        return headers;
    }

    static List<CustomCredentialField> Credentials(JsonElement e, string at, bool isStdio, IReadOnlyCollection<string> inheritedVariables)
    {
        if (!e.TryGetProperty("credentials", out var list))
            return [];
        if (list.ValueKind != JsonValueKind.Array)
            throw Fail(at, "\"credentials\" must be an array");
        var fields = new List<CustomCredentialField>();
        var i = 0;
        foreach (var c in list.EnumerateArray())
        {
            var cat = $"{at}: credentials[{i++}]";
            if (c.ValueKind != JsonValueKind.Object)
                throw Fail(cat, "must be an object");
            foreach (var p in c.EnumerateObject())
                if (!CredentialFields.Contains(p.Name))
                    throw Fail(cat, $"unknown field \"{p.Name}\" (allowed: {string.Join(", ", CredentialFields)})");
            var name = RequiredString(c, "name", cat);
            if (!ConnectorsFile.EnvVarPattern().IsMatch(name))
                throw Fail(cat, "\"name\" must be letters, digits and '_'");
            if (fields.Any(f => f.Name == name))
                throw Fail(cat, $"\"name\" \"{name}\" appears twice");
            var type = OptionalString(c, "type", cat) ?? "password";
            if (!CredentialTypes.Contains(type))
                throw Fail(cat, $"\"type\" must be one of {string.Join(", ", CredentialTypes)}");
            var required = c.TryGetProperty("required", out var r)
                ? r.ValueKind is JsonValueKind.True or JsonValueKind.False
                    ? r.GetBoolean()
                    : throw Fail(cat, "\"required\" must be true or false")
                : false;
            var envVar = OptionalString(c, "env_var", cat);
            if (envVar is not null && !isStdio)
                throw Fail(cat, "\"env_var\" only applies to a \"command\" source; use {name} in \"headers\"");
            if (envVar is not null && EnvVarRule.Problem(envVar, inheritedVariables) is { } problem)
                throw Fail(cat, $"\"env_var\" \"{envVar}\" is not allowed: {problem} (use a name like FILES_TOKEN)");
            fields.Add(new CustomCredentialField(name, OptionalString(c, "label", cat) ?? name, type, required, envVar));
        }
        return fields;
    }

    static string RequiredString(JsonElement e, string field, string at) =>
        OptionalString(e, field, at) is { Length: > 0 } s && !string.IsNullOrWhiteSpace(s)
            ? s
            : throw Fail(at, $"\"{field}\" is required and must be a non-empty string");

    static string? OptionalString(JsonElement e, string field, string at)
    {
        if (!e.TryGetProperty(field, out var v) || v.ValueKind == JsonValueKind.Null)
            return null;
        return v.ValueKind == JsonValueKind.String ? v.GetString() : throw Fail(at, $"\"{field}\" must be a string");
    }

    static ConnectorsFileException Fail(string at, string problem) => new($"{at}: {problem}.");
}
