using System.Buffers.Text;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Mosaic.Connectors.GoogleWorkspace.Tools;

/// <summary>Reads a Gmail payload's MIME tree: the readable text (text/plain, else text/html stripped) and attachment names.</summary>
public static partial class GmailBodies
{
    public static string? Text(JsonNode? payload)
    {
        if (Find(payload, "text/plain") is { } plain)
            return plain.Trim();
        if (Find(payload, "text/html") is { } html)
            return WebUtility.HtmlDecode(Tags().Replace(LineBreaks().Replace(html, "\n"), "")).Trim();
        return null;
    }

    public static IEnumerable<string> Attachments(JsonNode? part)
    {
        if (part is null)
            yield break;
        if (part["filename"]?.GetValue<string>() is { Length: > 0 } name)
            yield return name;
        foreach (var child in part["parts"]?.AsArray() ?? [])
        foreach (var nested in Attachments(child))
            yield return nested;
    }

    private static string? Find(JsonNode? part, string mimeType)
    {
        if (part is null)
            return null;
        var isAttachment = part["filename"]?.GetValue<string>() is { Length: > 0 };
        if (!isAttachment && part["mimeType"]?.GetValue<string>() == mimeType && part["body"]?["data"]?.GetValue<string>() is { } data)
            return Decode(data);
        foreach (var child in part["parts"]?.AsArray() ?? [])
            if (Find(child, mimeType) is { } found)
                return found;
        return null;
    }

    /// <summary>Gmail bodies are base64url, usually without padding.</summary>
    private static string Decode(string data)
    {
        try
        {
            return Encoding.UTF8.GetString(Base64Url.DecodeFromChars(data.TrimEnd('=')));
        }
        catch (FormatException)
        {
            return "";
        }
    }

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"<br\s*/?>|</p>|</div>", RegexOptions.IgnoreCase)]
    private static partial Regex LineBreaks();
}
