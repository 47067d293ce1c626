using System.Text.Json;
using System.Text.RegularExpressions;

namespace Mosaic.Server.Connectors.Custom;

/// <summary>
/// Reads and validates the operator's custom sources: <c>$MOSAIC_CONNECTORS_FILE</c> if set (then it
/// must exist), else <c>$MOSAIC_DATA_DIR/connectors.json</c> if present. Any problem refuses start-up
/// with a message naming the file, the source (index and id) and the field.
/// </summary>
public static partial class ConnectorsFile
{
    public const string FileVariable = "MOSAIC_CONNECTORS_FILE";

    /// <summary>The file to read, or null when none is configured and the default does not exist.</summary>
    public static string? Locate(string? explicitFile, string? dataDir)
    {
        if (!string.IsNullOrWhiteSpace(explicitFile))
            return File.Exists(explicitFile)
                ? Path.GetFullPath(explicitFile)
                : throw new ConnectorsFileException($"{FileVariable} names {explicitFile}, which does not exist.");
        if (string.IsNullOrWhiteSpace(dataDir))
            return null;
        var path = Path.Combine(dataDir, "connectors.json");
        return File.Exists(path) ? Path.GetFullPath(path) : null;
    }

    /// <param name="inheritedVariables">MCP_INHERITED_VARIABLES: names every connector gets, so no env_var may use them.</param>
    public static IReadOnlyList<CustomSource> Load(
        string path,
        IReadOnlySet<string> reservedIds,
        IReadOnlyCollection<string>? inheritedVariables = null
    )
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(
                File.ReadAllText(path),
                new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true }
            );
        }
        catch (JsonException e)
        {
            throw new ConnectorsFileException($"{path}: not valid JSON (line {e.LineNumber + 1}): {e.Message}");
        }
        using (doc)
        {
            if (
                doc.RootElement.ValueKind != JsonValueKind.Object
                || !doc.RootElement.TryGetProperty("sources", out var sources)
                || sources.ValueKind != JsonValueKind.Array
            )
                throw new ConnectorsFileException($"{path}: expected an object with a \"sources\" array.");

            var result = new List<CustomSource>();
            var index = 0;
            foreach (var element in sources.EnumerateArray())
            {
                var source = CustomSourceParser.Parse(element, $"{path}: sources[{index}]", inheritedVariables ?? []);
                var where = $"{path}: sources[{index}] (id \"{source.Id}\")";
                if (reservedIds.Contains(source.Id))
                    throw new ConnectorsFileException($"{where}: \"id\" is taken by a built-in connector.");
                if (result.Any(s => s.Id == source.Id))
                    throw new ConnectorsFileException($"{where}: \"id\" is used by an earlier source too.");
                result.Add(source);
                index++;
            }
            return result;
        }
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]{0,63}$")]
    internal static partial Regex IdPattern();

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]{0,127}$")]
    internal static partial Regex EnvVarPattern();

    // MCP's tool name rule: 1-128 of A-Z a-z 0-9 _ - .
    [GeneratedRegex("^[A-Za-z0-9_.-]{1,128}$")]
    internal static partial Regex ToolNamePattern();

    // RFC 6749 scope-token: %x21 / %x23-5B / %x5D-7E (no space, quote or backslash).
    [GeneratedRegex(@"^[\x21\x23-\x5B\x5D-\x7E]{1,128}$")]
    internal static partial Regex ScopePattern();

    [GeneratedRegex(@"\{([^{}]*)\}")]
    internal static partial Regex Placeholder();
}
