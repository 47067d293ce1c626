namespace Mosaic.Connectors.Common.Errors;

/// <summary>Builds the "&lt;Service&gt; says: &lt;reason&gt;" text plus a hint a person can act on.</summary>
public static class UpstreamMessages
{
    public static string Format(string service, int? status, string? code, string reason, TimeSpan? retryAfter, string? hint = null)
    {
        var said = Said(service, status, code, reason);
        hint ??= Hint(service, status, retryAfter);
        return hint is null ? said : $"{said}. {hint}";
    }

    /// <summary>"&lt;Service&gt; says: &lt;code&gt;: &lt;reason&gt; (HTTP &lt;status&gt;)", without a hint.</summary>
    public static string Said(string service, int? status, string? code, string reason)
    {
        reason = string.IsNullOrWhiteSpace(reason) ? code ?? "an unknown error" : reason.Trim();
        var said =
            code is not null && !reason.Contains(code, StringComparison.OrdinalIgnoreCase)
                ? $"{service} says: {code}: {reason}"
                : $"{service} says: {reason}";
        return status is >= 400 ? $"{said} (HTTP {status})" : said;
    }

    /// <summary>
    /// The text up to the first full stop that ends a sentence (". " before a capital letter), without that stop:
    /// reasons often go on with advice ("Token has been expired or revoked. The refresh token … no longer works").
    /// </summary>
    public static string FirstSentence(string reason)
    {
        var text = reason.Trim();
        for (var i = text.IndexOf(". ", StringComparison.Ordinal); i >= 0; i = text.IndexOf(". ", i + 1, StringComparison.Ordinal))
            if (i + 2 < text.Length && char.IsUpper(text[i + 2]))
                return text[..i];
        return text.TrimEnd('.');
    }

    public static string? Hint(string service, int? status, TimeSpan? retryAfter) =>
        status switch
        {
            401 => $"The credentials for {service} were rejected or have expired: update them in the data source settings.",
            403 => $"The credentials for {service} work but lack permission for this: grant the missing scope or role, or choose a "
                + $"resource they can read.",
            404 => "Nothing exists under that name or id (or the credentials cannot see it): check the spelling, or list what is "
                + "available first.",
            429 => retryAfter is { } wait
                ? $"{service} is rate-limiting requests: wait {Math.Ceiling(wait.TotalSeconds)} s and try again."
                : $"{service} is rate-limiting requests: wait a little and try again.",
            >= 500 and < 600 => $"{service} had a problem on its side: try again shortly.",
            _ => null,
        };
}
