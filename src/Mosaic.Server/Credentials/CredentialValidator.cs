using System.Globalization;
using System.Text.Json;
using Mosaic.Connectors.MySql.Safety;
using Mosaic.Server.Connectors;

namespace Mosaic.Server.Credentials;

/// <summary>
/// Checks submitted fields against the connector's declared fields and turns them into the strings
/// that are stored (and later passed as environment variables). Error keys are field names. A SQLite
/// path must be one the operator allows (<see cref="SqliteFilePolicy"/>); refused and missing files
/// get the same message, so saving credentials never tells a user which files exist.
/// </summary>
public static class CredentialValidator
{
    public const int MaxValueLength = 16 * 1024;

    /// <param name="fixedValues">The admin's fixed settings for the source: they count toward required fields and the
    /// cross-field rules but are not returned (they are stored once, in the source's settings, not per user).</param>
    public static (Dictionary<string, string> Fields, Dictionary<string, string[]> Errors) Validate(
        SourceDefinition connector,
        IReadOnlyDictionary<string, JsonElement> submitted,
        SqliteFilePolicy sqliteFiles,
        IReadOnlyDictionary<string, string>? fixedValues = null
    )
    {
        var (fields, errors) = CheckFields(connector, submitted, sqliteFiles);
        var given = new Dictionary<string, string>(fields, StringComparer.Ordinal);
        foreach (var (name, value) in fixedValues ?? new Dictionary<string, string>())
            given[name] = value;
        foreach (
            var field in connector.CredentialFields.Where(f => f.Required && !given.ContainsKey(f.Name) && !errors.ContainsKey(f.Name))
        )
            errors[field.Name] = [$"{field.Label} is required."];
        if (errors.Count == 0)
            foreach (var rule in connector.CredentialRules.Where(r => !r.IsSatisfied(given)))
                errors["credentials"] = [rule.Message];
        return (fields, errors);
    }

    /// <summary>Each submitted field on its own (known, well-formed, its own check), without the required fields and
    /// cross-field rules: what an admin's fixed settings must pass.</summary>
    public static (Dictionary<string, string> Fields, Dictionary<string, string[]> Errors) CheckFields(
        SourceDefinition connector,
        IReadOnlyDictionary<string, JsonElement> submitted,
        SqliteFilePolicy sqliteFiles
    )
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);

        foreach (var (name, element) in submitted)
        {
            var field = connector.FindField(name);
            // A field only an OAuth connection writes is not there for pasting.
            if (field is null || field.OAuthOnly)
            {
                errors[name] =
                [
                    $"Unknown field for {connector.Id}; expected one of: "
                        + $"{string.Join(", ", connector.CredentialFields.Where(f => !f.OAuthOnly).Select(f => f.Name))}.",
                ];
                continue;
            }
            var (value, error) = Normalize(field, element);
            if (error is null && value is { Length: > 0 })
                error = Check(field, value, sqliteFiles);
            if (error is not null)
                errors[name] = [error];
            else if (value is { Length: > 0 })
                fields[name] = value;
        }
        return (fields, errors);
    }

    /// <summary>
    /// The errors as a ValidationProblem's keys: field errors under "credentials.&lt;field&gt;", rule errors under "credentials".
    /// </summary>
    public static Dictionary<string, string[]> ProblemErrors(Dictionary<string, string[]> errors) =>
        errors.ToDictionary(e => e.Key == "credentials" ? e.Key : $"credentials.{e.Key}", e => e.Value);

    private static string? Check(CredentialField field, string value, SqliteFilePolicy sqliteFiles) =>
        field.SqliteFile && sqliteFiles.Resolve(value) is null ? sqliteFiles.Refusal(field.Label, value) : field.Check?.Invoke(value);

    private static (string? Value, string? Error) Normalize(CredentialField field, JsonElement element)
    {
        if (element.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
            return (null, null);
        var text = element.ValueKind switch
        {
            JsonValueKind.String => element.GetString()!.Trim(),
            JsonValueKind.Number => element.GetRawText(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => null,
        };
        if (text is null)
            return (null, $"{field.Label} must be a string, number or boolean.");
        if (text.Length > MaxValueLength)
            return (null, $"{field.Label} is longer than {MaxValueLength} characters.");
        if (text.Length == 0)
            return (null, null);

        return field.Type switch
        {
            "url" when !(Uri.TryCreate(text, UriKind.Absolute, out var u) && u.Scheme is "http" or "https") => (
                null,
                $"{field.Label} must be an absolute http(s) URL."
            ),
            "number" when !long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out _) => (
                null,
                $"{field.Label} must be a whole number."
            ),
            "checkbox" when text.ToLowerInvariant() is not ("true" or "false") => (null, $"{field.Label} must be true or false."),
            "checkbox" => (text.ToLowerInvariant(), null),
            _ => (text, null),
        };
    }
}
