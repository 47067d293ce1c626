using System.Diagnostics.CodeAnalysis;

namespace Mosaic.Connectors.Common.Results;

/// <summary>Shortens long strings (bodies, descriptions, cell values) with a visible marker.</summary>
public static class TextClip
{
    /// <summary>Cut to about <paramref name="maxChars"/>, saying how much was left out (for text a reader or a model works from).</summary>
    [return: NotNullIfNotNull(nameof(text))]
    public static string? Clip(string? text, int maxChars)
    {
        if (text is null || text.Length <= maxChars)
            return text;
        var keep = Keep(text, maxChars);
        return $"{text[..keep]}… [{text.Length - keep} more chars]";
    }

    /// <summary>At most <paramref name="maxChars"/> characters, ending in "…" where cut (for titles and one-line messages).</summary>
    [return: NotNullIfNotNull(nameof(text))]
    public static string? Ellipsize(string? text, int maxChars)
    {
        if (text is null || text.Length <= maxChars)
            return text;
        return text[..Keep(text, maxChars)] + "…";
    }

    private static int Keep(string text, int maxChars)
    {
        var keep = Math.Max(0, maxChars - 1);
        // Do not split a surrogate pair.
        if (keep > 0 && char.IsHighSurrogate(text[keep - 1]))
            keep--;
        return keep;
    }
}
