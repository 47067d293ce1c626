using System.ComponentModel.DataAnnotations;

namespace Mosaic.Server.Configuration;

/// <summary>A text setting that, when set, must be one of a few words (any case).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class OneOfAttribute(params string[] allowed) : ValidationAttribute
{
    public IReadOnlyList<string> Allowed { get; } = allowed;

    public override bool IsValid(object? value) =>
        value is not string s || string.IsNullOrWhiteSpace(s) || Allowed.Contains(s.Trim(), StringComparer.OrdinalIgnoreCase);

    public override string FormatErrorMessage(string name) => $"{name} must be one of {string.Join(", ", Allowed)}.";
}

/// <summary>A URL setting that, when set, must be an absolute http or https URL.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class HttpUrlAttribute : ValidationAttribute
{
    public override bool IsValid(object? value) =>
        value is not string s
        || string.IsNullOrWhiteSpace(s)
        || Uri.TryCreate(s.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https";

    // The value is not repeated: a URL may carry a password.
    public override string FormatErrorMessage(string name) =>
        $"{name} must be an absolute http:// or https:// URL, e.g. http://127.0.0.1:11434/v1.";
}
