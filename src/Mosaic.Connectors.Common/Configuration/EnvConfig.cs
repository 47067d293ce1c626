using System.Globalization;

namespace Mosaic.Connectors.Common.Configuration;

/// <summary>
/// Reads a connector's settings from environment variables (the way the host hands over a
/// user's credentials). Missing required variables are collected, not thrown one by one, so
/// the start-up error names all of them at once.
/// </summary>
public sealed class EnvConfig(Func<string, string?> read)
{
    private readonly Func<string, string?> _read = read;

    private readonly List<string> _missing = [];
    private readonly List<string> _problems = [];

    public EnvConfig()
        : this(Environment.GetEnvironmentVariable) { }

    public IReadOnlyList<string> Missing => _missing;
    public IReadOnlyList<string> Problems => _problems;

    /// <summary>A required variable; returns "" and records it as missing when unset or blank.</summary>
    public string Required(string name)
    {
        var value = Optional(name);
        if (value is null)
            _missing.Add(name);
        return value ?? "";
    }

    /// <summary>An optional variable; blank counts as unset.</summary>
    public string? Optional(string name)
    {
        var value = _read(name);
        return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }

    public string Optional(string name, string fallback) => Optional(name) ?? fallback;

    /// <summary>A variable exactly as set (null when unset), for values that may legitimately be blank, e.g. a password.</summary>
    public string? Raw(string name) => _read(name);

    /// <summary>
    /// A new, empty-handed reader of the same variables with <paramref name="values"/> laid over them: how a
    /// credential scope sees one caller's per-call credentials on top of the process environment.
    /// </summary>
    public EnvConfig Overlay(IReadOnlyDictionary<string, string> values) =>
        new(name => values.TryGetValue(name, out var value) ? value : _read(name));

    public bool Flag(string name, bool fallback = false)
    {
        var value = Optional(name);
        if (value is null)
            return fallback;
        switch (value.ToLowerInvariant())
        {
            case "1" or "true" or "yes" or "on":
                return true;
            case "0" or "false" or "no" or "off":
                return false;
            default:
                _problems.Add($"{name} must be true or false (got \"{value}\")");
                return fallback;
        }
    }

    public int Int(string name, int fallback, int min = int.MinValue, int max = int.MaxValue)
    {
        var value = Optional(name);
        if (value is null)
            return fallback;
        if (int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max)
            return n;
        _problems.Add($"{name} must be a whole number between {min} and {max} (got \"{value}\")");
        return fallback;
    }

    public Uri? Url(string name)
    {
        var value = Optional(name);
        if (value is null)
            return null;
        if (Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
            return uri;
        _problems.Add($"{name} must be an absolute http(s) URL (got \"{value}\")");
        return null;
    }

    /// <summary>Records a problem that is not a single missing variable (e.g. "set A or B").</summary>
    public void Problem(string message) => _problems.Add(message);

    /// <summary>Throws a <see cref="ConnectorConfigException"/> naming everything that is wrong.</summary>
    public void ThrowIfInvalid()
    {
        if (_missing.Count == 0 && _problems.Count == 0)
            return;
        var parts = new List<string>();
        if (_missing.Count > 0)
            parts.Add($"missing required environment variable{(_missing.Count > 1 ? "s" : "")}: {string.Join(", ", _missing)}");
        parts.AddRange(_problems);
        throw new ConnectorConfigException(string.Join("; ", parts));
    }
}
