using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;

namespace Mosaic.Server.Connectors.Hub;

/// <summary>
/// The logger factory one connector session's MCP transport and client write through. A connector's stderr
/// (upstream error bodies, stack traces, sometimes what it was given) never reaches the log at Information:
/// the SDK's own "received stderr log" lines (Information) are dropped, and <see cref="StderrLine"/> logs each
/// line at Debug instead. Everything written through here has the session's credential values, bearer tokens
/// and <c>password=…</c>-like pairs replaced; above Debug an exception is cut to its type and first line,
/// because the SDK puts the stderr tail in the message of the exception it raises when a process exits.
/// </summary>
internal sealed class ConnectorLogging(ILoggerFactory inner, SecretRedactor redactor) : ILoggerFactory
{
    public static ConnectorLogging For(ILoggerFactory inner, McpLaunchSpec spec) => new(inner, new SecretRedactor(spec.Secrets()));

    /// <summary>The transport's stderr callback: one Debug line each, redacted.</summary>
    public Action<string> StderrLine(SessionKey key)
    {
        var log = inner.CreateLogger<ConnectorLogging>();
        return line =>
        {
            if (log.IsEnabled(LogLevel.Debug))
                log.LogDebug("{Datasource} connector (user {UserId}) stderr: {Line}", key.Datasource, key.UserId, redactor.Redact(line));
        };
    }

    public ILogger CreateLogger(string categoryName) => new Redacting(inner.CreateLogger(categoryName), redactor);

    public void AddProvider(ILoggerProvider provider) =>
        throw new NotSupportedException("Add logging providers to the host's logger factory.");

    public void Dispose() { } // the host's factory is not ours to dispose

    sealed class Redacting(ILogger inner, SecretRedactor redactor) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => inner.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

        public void Log<TState>(
            LogLevel logLevel,
            EventId eventId,
            TState state,
            Exception? exception,
            Func<TState, Exception?, string> formatter
        )
        {
            if (!inner.IsEnabled(logLevel) || IsStderr(state))
                return;
            var text = redactor.Redact(formatter(state, exception));
            if (exception is not null)
                text += Environment.NewLine + redactor.Redact(logLevel <= LogLevel.Debug ? exception.ToString() : Summary(exception));
            inner.Log(logLevel, eventId, text, null, static (t, _) => t);
        }

        // The SDK's StdioClientTransport logs every stderr line itself; StderrLine already logged it at Debug.
        static bool IsStderr<TState>(TState state) =>
            state is IEnumerable<KeyValuePair<string, object?>> pairs
            && pairs.Any(p =>
                p.Key == "{OriginalFormat}" && p.Value is string f && f.Contains("stderr", StringComparison.OrdinalIgnoreCase)
            );

        static string Summary(Exception e)
        {
            var parts = new List<string>();
            for (Exception? x = e; x is not null; x = x.InnerException)
                parts.Add($"{x.GetType().Name}: {x.Message.Split('\n', 2)[0].TrimEnd()}");
            return string.Join(" ---> ", parts);
        }
    }
}

/// <summary>Replaces a session's secrets, and anything shaped like a credential, in text bound for a log.</summary>
internal sealed partial class SecretRedactor
{
    const string Mask = "[redacted]";
    readonly string[] _secrets;

    public SecretRedactor(IEnumerable<string> secrets) =>
        // Very short values ("1", "yes") would blank out ordinary words; longest first so no secret is half-replaced.
        _secrets = [
            .. secrets
                .Where(s => s.Length >= 4)
                .SelectMany(s => new[] { s, Uri.EscapeDataString(s), System.Text.Json.JsonEncodedText.Encode(s).ToString() })
                .Distinct(StringComparer.Ordinal)
                .OrderByDescending(s => s.Length),
        ];

    public string Redact(string text)
    {
        foreach (var secret in _secrets)
            text = text.Replace(secret, Mask, StringComparison.Ordinal);
        // Every caller's credentials on a shared connector, in the SDK's Trace lines of whole messages.
        text = CallCredentials().Replace(text, m => $"{m.Groups[1].Value}\"{Mask}\"");
        text = Scheme().Replace(text, m => $"{m.Groups[1].Value} {Mask}");
        return Pair().Replace(text, m => $"{m.Groups[1].Value}{m.Groups[2].Value}{Mask}");
    }

    [GeneratedRegex(@"(""mosaic/credentials""\s*:\s*)\{(?:""(?:[^""\\]|\\.)*""|[^{}""])*\}")]
    private static partial Regex CallCredentials();

    [GeneratedRegex(@"\b(Bearer|Basic|token)\s+[A-Za-z0-9._~+/=-]{6,}", RegexOptions.IgnoreCase)]
    private static partial Regex Scheme();

    const string SecretName =
        @"password|passwd|pwd|secret|client_secret|token|access_token|refresh_token|api[_-]?key|access[_-]?key|authorization";

    // "Authorization: Bearer x" keeps its scheme word, so the line still says what it was.
    [GeneratedRegex(
        @"\b(" + SecretName + @")([""']?\s*[=:]\s*(?:(?:Bearer|Basic)\s+)?)(""[^""]*""|'[^']*'|[^\s,;&""']+)",
        RegexOptions.IgnoreCase
    )]
    private static partial Regex Pair();
}
