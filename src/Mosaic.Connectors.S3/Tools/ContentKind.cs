using System.Text;
using System.Text.Unicode;

namespace Mosaic.Connectors.S3.Tools;

/// <summary>Decides whether an object is text worth showing or binary to be described.</summary>
internal static class ContentKind
{
    private static readonly string[] TextExtensions =
    [
        ".txt",
        ".md",
        ".csv",
        ".tsv",
        ".json",
        ".jsonl",
        ".ndjson",
        ".xml",
        ".yaml",
        ".yml",
        ".log",
        ".html",
        ".htm",
        ".css",
        ".js",
        ".ts",
        ".sql",
        ".ini",
        ".conf",
        ".cfg",
        ".toml",
        ".py",
        ".cs",
        ".java",
        ".go",
        ".rs",
        ".sh",
        ".env",
    ];

    /// <summary>true = text, false = binary, null = unknown (sniff the bytes).</summary>
    public static bool? FromHeaders(string? contentType, string key)
    {
        var type = (contentType ?? "").ToLowerInvariant();
        if (
            type.StartsWith("text/")
            || type.Contains("json")
            || type.Contains("xml")
            || type.Contains("yaml")
            || type.Contains("csv")
            || type.Contains("javascript")
        )
            return true;
        if (
            type.StartsWith("image/")
            || type.StartsWith("video/")
            || type.StartsWith("audio/")
            || type.Contains("zip")
            || type.Contains("pdf")
            || type.Contains("gzip")
            || type.Contains("protobuf")
        )
            return false;
        return TextExtensions.Any(e => key.EndsWith(e, StringComparison.OrdinalIgnoreCase)) ? true : null;
    }

    /// <summary>Text if there is no NUL byte and the bytes are valid UTF-8 (allowing a cut final character).</summary>
    public static bool LooksLikeText(ReadOnlySpan<byte> sample)
    {
        if (sample.IndexOf((byte)0) >= 0)
            return false;
        for (var trim = 0; trim <= 3 && trim <= sample.Length; trim++)
            if (Utf8.IsValid(sample[..^trim]))
                return true;
        return false;
    }

    /// <summary>Decodes UTF-8, dropping a character cut in half at the end of a range.</summary>
    public static string Decode(byte[] bytes, int count)
    {
        var end = count;
        for (var trim = 0; trim <= 3 && trim <= count; trim++)
            if (Utf8.IsValid(bytes.AsSpan(0, count - trim)))
            {
                end = count - trim;
                break;
            }
        return Encoding.UTF8.GetString(bytes, 0, end);
    }
}
