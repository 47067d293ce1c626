using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Mosaic.Connectors.Common.Results;

/// <summary>Source-generated metadata for what the kit itself writes (keeps connectors AOT-friendly).</summary>
[JsonSerializable(typeof(JsonNode))]
[JsonSerializable(typeof(JsonObject))]
[JsonSerializable(typeof(JsonArray))]
internal sealed partial class KitJsonContext : JsonSerializerContext
{
    /// <summary>
    /// Writes non-ASCII text and '+', '&lt;', '&amp;' as themselves: results go to models and programs,
    /// not into HTML, and "grüße" reads better than "gr\u00FC\u00DFe".
    /// </summary>
    public static JsonSerializerOptions Relaxed { get; } =
        new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, TypeInfoResolver = Default };
}
