using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Mosaic.Server.Audit;

/// <summary>
/// Replaces secret-looking values in tool arguments before they are stored: values under a key that names a
/// secret (password, token, key, secret, authorization, cookie…) and values that look like a credential
/// whatever their key (known token prefixes, long high-entropy strings, URLs with a password).
/// </summary>
public static partial class AuditRedactor
{
    public const string Mask = "[redacted]";

    // Stored as people will read it (quotes and < > & unescaped); the API and exports escape it for their formats.
    private static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string RedactJson(string json)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(json);
        }
        catch (JsonException)
        {
            return LooksSecret(json) ? Mask : json;
        }
        return Redact(node, secretKey: false)?.ToJsonString(Readable) ?? "null";
    }

    private static JsonNode? Redact(JsonNode? node, bool secretKey)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj.ToList())
                    obj[key] = Redact(value?.DeepClone(), secretKey || SecretKey().IsMatch(key));
                return obj;
            case JsonArray arr:
                return new JsonArray([.. arr.Select(v => Redact(v?.DeepClone(), secretKey))]);
            case JsonValue v when v.TryGetValue<string>(out var s):
                return secretKey || LooksSecret(s) ? JsonValue.Create(Mask) : v;
            default:
                return secretKey && node is not null ? JsonValue.Create(Mask) : node;
        }
    }

    public static bool LooksSecret(string value) => TokenPrefix().IsMatch(value) || UrlPassword().IsMatch(value) || LooksLikeKey(value);

    /// <summary>
    /// A key, not a path or a slug: one unbroken run of 32+ token characters, letters and digits mixed, not starting
    /// like a path, with a long stretch of letters and digits (keys have them; "notes/meeting-2026-12-07.txt" does not).
    /// </summary>
    private static bool LooksLikeKey(string value) =>
        value.Length >= 32
        && HighEntropy().IsMatch(value)
        && value[0] is not ('/' or '.' or '~')
        && AlphanumericRun().Matches(value).Any(m => m.Length >= 12);

    [GeneratedRegex("pass|secret|token|api[_-]?key|access[_-]?key|private|credential|auth|cookie|session[_-]?key", RegexOptions.IgnoreCase)]
    private static partial Regex SecretKey();

    // Slack (xox?-), GitHub (ghp_, gho_, ghu_, ghs_, ghr_, github_pat_), Shopify (shpat_, shpss_), Google (ya29.), AWS (AKIA), JWTs.
    [GeneratedRegex(@"\b(xox[abposr]-|gh[pousr]_|github_pat_|shp(at|ss|ca|pa)_|ya29\.|AKIA[0-9A-Z]{12}|eyJ[A-Za-z0-9_-]{8,}\.)")]
    private static partial Regex TokenPrefix();

    [GeneratedRegex(@"://[^/\s:@]+:[^/\s@]+@")]
    private static partial Regex UrlPassword();

    // One unbroken run of 32+ token characters with letters and digits mixed: keys, not words or ids in prose.
    [GeneratedRegex(@"^(?=.*[0-9])(?=.*[A-Za-z])[A-Za-z0-9+/=_\-.]{32,}$")]
    private static partial Regex HighEntropy();

    [GeneratedRegex("[A-Za-z0-9]+")]
    private static partial Regex AlphanumericRun();
}
