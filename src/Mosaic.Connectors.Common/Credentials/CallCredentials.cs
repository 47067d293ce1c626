using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Mosaic.Connectors.Common.Errors;

namespace Mosaic.Connectors.Common.Credentials;

/// <summary>
/// The per-call credential wire format (docs/connectors.md#per-call-credentials): a tools/call carries the caller's
/// credential variables in <c>params._meta["mosaic/credentials"]</c> as <c>{ "SLACK_BOT_TOKEN": "…", … }</c>.
/// </summary>
public static class CallCredentials
{
    /// <summary>The <c>_meta</c> key holding the credentials object.</summary>
    public const string MetaKey = "mosaic/credentials";

    /// <summary>Process variable that turns per-call mode on (value <c>per-call</c>); <c>--http</c> always does.</summary>
    public const string ModeVariable = "MOSAIC_CREDENTIALS";

    public const string PerCallMode = "per-call";

    /// <summary>Operator settings stay in the process environment: a call may never set them.</summary>
    private static readonly HashSet<string> OperatorNames = new(StringComparer.OrdinalIgnoreCase) { "LOG_LEVEL", "READ_ONLY", "TOOLS" };

    /// <summary>
    /// The credentials a call carries (empty when it carries none). A malformed object, or one that tries to set an
    /// operator setting (MOSAIC_*, LOG_LEVEL, READ_ONLY, TOOLS), is the caller's fault: a <see cref="ToolInputException"/>
    /// naming the variable, never its value.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Read(JsonObject? meta)
    {
        if (meta is null || !meta.TryGetPropertyValue(MetaKey, out var node) || node is null)
            return new Dictionary<string, string>();
        if (node is not JsonObject credentials)
            throw new ToolInputException($"_meta[\"{MetaKey}\"] must be an object of variable names to string values.");
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in credentials)
        {
            if (IsOperatorVariable(name))
                throw new ToolInputException(
                    $"_meta[\"{MetaKey}\"] may not set {name}: it is an operator setting of the connector process."
                );
            if (value is not JsonValue v || v.GetValueKind() != JsonValueKind.String)
                throw new ToolInputException($"_meta[\"{MetaKey}\"].{name} must be a string.");
            values[name] = v.GetValue<string>();
        }
        return values;
    }

    public static bool IsOperatorVariable(string name) =>
        name.StartsWith("MOSAIC_", StringComparison.OrdinalIgnoreCase) || OperatorNames.Contains(name);

    /// <summary>SHA-256 (hex) of the sorted name=value pairs: the key of a credential scope. Never logged with the values.</summary>
    public static string Fingerprint(IReadOnlyDictionary<string, string> values)
    {
        var text = new StringBuilder();
        foreach (var (name, value) in values.OrderBy(p => p.Key, StringComparer.Ordinal))
            text.Append(name.Length).Append(':').Append(name).Append('=').Append(value.Length).Append(':').Append(value).Append('\n');
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
