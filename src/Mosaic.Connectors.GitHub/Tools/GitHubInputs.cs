using System.Globalization;
using Mosaic.Connectors.Common.Errors;

namespace Mosaic.Connectors.GitHub.Tools;

/// <summary>Checks tool arguments before they reach GitHub, with messages that say what to pass instead.</summary>
internal static class GitHubInputs
{
    /// <summary>"owner/name" (also accepts a github.com URL of the repository) → its API path "repos/owner/name".</summary>
    public static (string Owner, string Name, string Path) Repo(string? repo)
    {
        var value = (repo ?? "").Trim();
        if (Uri.TryCreate(value, UriKind.Absolute, out var url) && url.Scheme is "http" or "https")
            value = string.Join('/', url.AbsolutePath.Trim('/').Split('/').Take(2));
        if (value.EndsWith(".git", StringComparison.Ordinal))
            value = value[..^4];
        var parts = value.Split('/');
        if (parts.Length != 2 || parts.Any(p => p.Length == 0 || p.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))))
            throw new ToolInputException(
                $"repo must look like \"owner/name\", e.g. \"acme/storefront\" (got \"{repo}\"). Use list_repositories to find it."
            );
        return (parts[0], parts[1], $"repos/{Uri.EscapeDataString(parts[0])}/{Uri.EscapeDataString(parts[1])}");
    }

    /// <summary>An allowed word, lower-cased; null when not given.</summary>
    public static string? OneOf(string name, string? value, params string[] allowed)
    {
        if (string.IsNullOrWhiteSpace(value))
            return null;
        var v = value.Trim().ToLowerInvariant();
        return allowed.Contains(v)
            ? v
            : throw new ToolInputException($"{name} must be one of {string.Join(", ", allowed)} (got \"{value}\").");
    }

    /// <summary>An ISO 8601 date or timestamp, passed on in GitHub's format (UTC, ...Z).</summary>
    public static string? Timestamp(string name, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
            return null;
        if (!DateTimeOffset.TryParse(value.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t))
            throw new ToolInputException(
                $"{name} must be an ISO 8601 date or time, e.g. 2025-01-31 or 2025-01-31T09:00:00Z (got \"{value}\")."
            );
        return t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
    }

    /// <summary>A login, or a simple token like a branch name: no spaces or control characters.</summary>
    public static string? Word(string name, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
            return null;
        var v = value.Trim();
        return v.Any(c => char.IsWhiteSpace(c) || char.IsControl(c))
            ? throw new ToolInputException($"{name} must not contain spaces (got \"{value}\").")
            : v;
    }

    public static void Set(this Dictionary<string, string> query, string key, string? value)
    {
        if (value is not null)
            query[key] = value;
    }
}
