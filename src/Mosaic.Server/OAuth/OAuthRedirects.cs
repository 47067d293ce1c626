using Microsoft.AspNetCore.WebUtilities;

namespace Mosaic.Server.OAuth;

/// <summary>
/// The two kinds of address a flow deals in: this server's callback URL, registered at the provider, and the UI page the
/// browser returns to, which is only ever a local path (no open redirect).
/// </summary>
public static class OAuthRedirects
{
    /// <summary><c>{MOSAIC_PUBLIC_URL or the request's scheme://host}/api/oauth/{source}/callback</c>.</summary>
    public static Uri CallbackUrl(string? publicUrl, HttpRequest? request, string source) =>
        new($"{PublicBase(publicUrl, request)}/api/oauth/{Uri.EscapeDataString(source)}/callback");

    /// <summary>Where people reach Mosaic, without a trailing slash: MOSAIC_PUBLIC_URL, else the request's own scheme and
    /// host, else (no request: a hub session that will never start a flow) a loopback placeholder.</summary>
    public static string PublicBase(string? publicUrl, HttpRequest? request) =>
        publicUrl ?? (request is not null ? $"{request.Scheme}://{request.Host}{request.PathBase}" : "http://localhost");

    /// <summary>A path in this site ("/", "/settings?tab=sources"), or "/" for anything else: another host, a
    /// protocol-relative "//host", a backslash that browsers read as a slash, control characters.</summary>
    public static string LocalPath(string? returnTo) =>
        returnTo is { Length: > 0 and <= 500 } path
        && path[0] == '/'
        && (path.Length == 1 || (path[1] != '/' && path[1] != '\\'))
        && !path.Any(c => char.IsControl(c) || c == '\\')
            ? path
            : "/";

    /// <summary><c>{returnTo}?oauth=connected&amp;source={id}</c>.</summary>
    public static string Connected(string returnTo, string source) =>
        QueryHelpers.AddQueryString(LocalPath(returnTo), new Dictionary<string, string?> { ["oauth"] = "connected", ["source"] = source });

    /// <summary><c>{returnTo}?oauth=error&amp;source={id}&amp;reason={reason}[&amp;code={code}]</c>; a provider's code only when
    /// it is a plain token (nothing else from the provider reaches the URL).</summary>
    public static string Failed(string returnTo, string source, string reason, string? code)
    {
        var query = new Dictionary<string, string?>
        {
            ["oauth"] = "error",
            ["source"] = source,
            ["reason"] = reason,
        };
        if (IsPlainCode(code))
            query["code"] = code;
        return QueryHelpers.AddQueryString(LocalPath(returnTo), query);
    }

    public static bool IsPlainCode(string? code) =>
        code is { Length: > 0 and <= 64 } && code.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_' or '.' or '-');
}
