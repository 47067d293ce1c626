using Mosaic.Server.Connectors.Hub;

namespace Mosaic.Server.Connectors.Custom;

/// <summary>
/// Which variable names a custom source's credential may be passed in (<c>env_var</c>). The value is a
/// member's, so it must not be able to change how the connector's program, its runtime or its installer
/// starts (a preload library, a profiler, interpreter options, a proxy, a search path), nor override a
/// variable the host itself gives every connector.
/// </summary>
internal static class EnvVarRule
{
    // Dynamic loaders, runtimes, interpreters, package installers (npx, uvx), TLS and git set-up, locale, Mosaic's own.
    static readonly string[] ForbiddenPrefixes =
    [
        "LD_",
        "DYLD_",
        "DOTNET_",
        "CORECLR_",
        "COMPLUS_",
        "ASPNETCORE_",
        "NODE_",
        "NPM_CONFIG_",
        "PYTHON",
        "PIP_",
        "UV_",
        "PERL5",
        "RUBY",
        "GEM_",
        "BUNDLE_",
        "JAVA_",
        "SSL_CERT_",
        "OPENSSL_",
        "GIT_",
        "LC_",
        "MOSAIC_",
    ];

    static readonly HashSet<string> ForbiddenNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "PATH",
        "HOME",
        "SHELL",
        "BASH_ENV",
        "ENV",
        "IFS",
        "PS4",
        "PROMPT_COMMAND",
        "CDPATH",
        "SHELLOPTS",
        "BASHOPTS",
        "TMPDIR",
        "TEMP",
        "TMP",
        "LOCALE",
        "LANG",
        "LANGUAGE",
        "LOCPATH",
        "NLSPATH",
        "GCONV_PATH",
        "GLIBC_TUNABLES",
        "HOSTALIASES",
        "RESOLV_HOST_CONF",
        "PERLLIB",
        "CLASSPATH",
        "_JAVA_OPTIONS",
        "JDK_JAVA_OPTIONS",
        "HTTP_PROXY",
        "HTTPS_PROXY",
        "ALL_PROXY",
        "NO_PROXY",
        "FTP_PROXY",
    };

    /// <summary>Null when the name may carry a credential; otherwise why not.</summary>
    /// <param name="inheritedExtra">The operator's MCP_INHERITED_VARIABLES, which every connector gets.</param>
    public static string? Problem(string name, IReadOnlyCollection<string> inheritedExtra)
    {
        if (!ConnectorsFile.EnvVarPattern().IsMatch(name))
            return "use letters, digits and '_' only, not starting with a digit";
        if (ForbiddenNames.Contains(name))
            return $"{name.ToUpperInvariant()} changes how programs start or where they connect";
        if (ForbiddenPrefixes.FirstOrDefault(p => name.StartsWith(p, StringComparison.OrdinalIgnoreCase)) is { } prefix)
            return $"{prefix}* variables change how a runtime, loader or installer starts, or belong to Mosaic";
        if (ChildEnvironment.IsInherited(name) || inheritedExtra.Contains(name, StringComparer.OrdinalIgnoreCase))
            return "the host passes this variable to every connector itself";
        return null;
    }
}
