namespace Mosaic.Server.Chat;

/// <summary>
/// Fills tool arguments the user's saved settings imply (docs/architecture.md#single-source-chat): a credential
/// field named <c>default_X</c> (slack default_channel, jira default_project) becomes the value of the
/// tool's parameter <c>X</c> (or <c>X_key</c>, <c>X_id</c>) when the tool has it and the model left it empty.
/// </summary>
public static class ParameterInjection
{
    private const string Prefix = "default_";

    /// <summary>The fields injection reads (<c>default_X</c>); nothing else of a connection needs to reach a turn.</summary>
    public static IReadOnlyDictionary<string, string> Defaults(IReadOnlyDictionary<string, string> fields) =>
        fields.Where(f => f.Key.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase)).ToDictionary(f => f.Key, f => f.Value);

    /// <returns>The names of the parameters that were filled, for the tool's metadata.</returns>
    public static IReadOnlyList<string> Inject(
        IDictionary<string, object?> arguments,
        Llm.ToolSchema schema,
        IReadOnlyDictionary<string, string>? credentialFields
    )
    {
        if (credentialFields is null)
            return [];
        var filled = new List<string>();
        foreach (var (field, value) in credentialFields)
        {
            if (!field.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) || string.IsNullOrWhiteSpace(value))
                continue;
            var name = field[Prefix.Length..];
            var parameter = schema.Find(name) ?? schema.Find(name + "_key") ?? schema.Find(name + "_id");
            if (parameter is null || parameter.Type is not "string" || !IsEmpty(arguments, parameter.Name))
                continue;
            arguments[parameter.Name] = value.Trim();
            filled.Add(parameter.Name);
        }
        return filled;
    }

    private static bool IsEmpty(IDictionary<string, object?> arguments, string name)
    {
        var hit = arguments.Keys.FirstOrDefault(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase));
        if (hit is null)
            return true;
        var v = arguments[hit];
        var empty =
            v is null
            || (v is string s && string.IsNullOrWhiteSpace(s))
            || (
                v is System.Text.Json.JsonElement e
                && (
                    e.ValueKind is System.Text.Json.JsonValueKind.Null
                    || (e.ValueKind == System.Text.Json.JsonValueKind.String && string.IsNullOrWhiteSpace(e.GetString()))
                )
            );
        if (empty)
            arguments.Remove(hit);
        return empty;
    }
}
