namespace Mosaic.Connectors.Common.Results;

/// <summary>Shortens long strings (bodies, descriptions, cell values) with a visible marker.</summary>
public static class TextClip
{
    public static string? Clip(string? text, int maxChars)
    {
        if (text is null || text.Length <= maxChars) return text;
        var keep = Math.Max(0, maxChars - 1);
        // Do not split a surrogate pair.
        if (keep > 0 && char.IsHighSurrogate(text[keep - 1])) keep--;
        return $"{text[..keep]}… [{text.Length - keep} more chars]";
    }
}
