using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Mosaic.Connectors.MySql.Data;

namespace Mosaic.Connectors.MySql.Tools;

/// <summary>Source-generated JSON for the tool results (no reflection: Native AOT friendly).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull
)]
[JsonSerializable(typeof(JsonArray))]
[JsonSerializable(typeof(JsonObject))]
[JsonSerializable(typeof(ColumnInfo))]
[JsonSerializable(typeof(List<ColumnInfo>))]
internal sealed partial class MySqlJson : JsonSerializerContext;
