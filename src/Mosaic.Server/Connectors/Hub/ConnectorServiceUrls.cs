using System.Net;
using Microsoft.Extensions.Options;

namespace Mosaic.Server.Connectors.Hub;

/// <summary>
/// Reads the connector services an operator points sources at (<c>MOSAIC_CONNECTOR_URL_&lt;SOURCE&gt;</c>) into
/// <see cref="McpHubOptions.ConnectorUrls"/>, and refuses at start-up what would send every user's credentials somewhere
/// unsafe: a URL that is not absolute http(s), plain http to anything but loopback, or no <c>MOSAIC_CONNECTOR_KEY</c>.
/// </summary>
internal sealed class ConnectorServiceUrls(IConfiguration configuration)
    : IPostConfigureOptions<McpHubOptions>,
        IValidateOptions<McpHubOptions>
{
    public const string Prefix = "MOSAIC_CONNECTOR_URL_";

    /// <summary>The variable naming a source's connector service: its id upper-cased.</summary>
    public static string Variable(string sourceId) => Prefix + sourceId.ToUpperInvariant();

    public void PostConfigure(string? name, McpHubOptions options)
    {
        foreach (var (key, value) in configuration.AsEnumerable())
            if (key.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) && !string.IsNullOrWhiteSpace(value))
                options.ConnectorUrls[key[Prefix.Length..].ToLowerInvariant()] = value.Trim();
    }

    public ValidateOptionsResult Validate(string? name, McpHubOptions options)
    {
        var errors = new List<string>();
        foreach (var (source, url) in options.ConnectorUrls)
            if (Problem(url) is { } problem)
                errors.Add($"{Variable(source)} {problem} (got \"{url}\").");
        if (options.ConnectorUrls.Count > 0 && string.IsNullOrWhiteSpace(options.ConnectorKey))
            errors.Add($"MOSAIC_CONNECTOR_KEY must be set when a connector service is ({Prefix}…): the service checks it on every call.");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    static string? Problem(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            return "must be an absolute http(s) URL";
        // Every user's credentials travel on this connection: only loopback may go unencrypted.
        return uri.Scheme == "http" && !IsLoopback(uri) ? "must use https unless it points at this machine (loopback)" : null;
    }

    static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
}
