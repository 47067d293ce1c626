using System.Text.Json.Serialization;

namespace Mosaic.Connectors.S3.Tools;

public sealed record BucketInfo(string Name, DateTime? Created);

public sealed record ObjectInfo(string Key, long? Size, DateTime? LastModified, string? StorageClass);

public sealed record ObjectMatch(string Key, long? Size, DateTime? LastModified, string? Snippet);

/// <summary>Source-generated JSON for the tool results (no reflection: Native AOT friendly).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull
)]
[JsonSerializable(typeof(BucketInfo))]
[JsonSerializable(typeof(ObjectInfo))]
[JsonSerializable(typeof(ObjectMatch))]
internal sealed partial class S3Json : JsonSerializerContext;
