using System.Collections;
using Mosaic.Connectors.Common.Egress;

namespace Mosaic.Server.Connectors.Hub;

/// <summary>
/// The environment a connector process starts with. The host's own environment holds the LLM key,
/// the JWT secret, database passwords and the encryption key, so a child inherits nothing but a short
/// allow-list of variables a runtime needs to start (PATH, HOME, locale, temp dir, DOTNET_*, NODE_*),
/// plus the user's credentials for that one source, and the host's egress allow list (MOSAIC_EGRESS_ALLOW),
/// which always comes from the host, never from a credential.
/// </summary>
public static class ChildEnvironment
{
    static readonly HashSet<string> Allowed = new(StringComparer.Ordinal)
    {
        "PATH",
        "HOME",
        "USER",
        "LOGNAME",
        "SHELL",
        "TERM",
        "LANG",
        "LANGUAGE",
        "LC_ALL",
        "LC_CTYPE",
        "TZ",
        "TMPDIR",
        "TEMP",
        "TMP",
        "SSL_CERT_FILE",
        "SSL_CERT_DIR",
        // Windows essentials, harmless elsewhere.
        "SYSTEMROOT",
        "SYSTEMDRIVE",
        "WINDIR",
        "PATHEXT",
        "COMSPEC",
        "APPDATA",
        "LOCALAPPDATA",
        "PROGRAMFILES",
        "USERPROFILE",
    };

    // Runtime tuning (DOTNET_ROOT, DOTNET_gcServer, NODE_PATH, NODE_EXTRA_CA_CERTS ...), never credentials.
    static readonly string[] AllowedPrefixes = ["DOTNET_", "NODE_"];

    /// <summary>Tells the hub which process is which; carries no secret.</summary>
    internal const string SessionMarker = "MOSAIC_MCP_SESSION";

    public static Dictionary<string, string?> Build(
        IReadOnlyDictionary<string, string> sourceVariables,
        IEnumerable<string> extraInherited,
        string sessionMarker,
        string? egressAllow = null
    )
    {
        var extra = new HashSet<string>(extraInherited, StringComparer.Ordinal);
        var env = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (DictionaryEntry e in Environment.GetEnvironmentVariables())
        {
            var name = (string)e.Key;
            var value = e.Value as string;
            if (value is null || value.StartsWith("()", StringComparison.Ordinal))
                continue; // shell functions
            if (IsInherited(name) || extra.Contains(name))
                env[name] = value;
        }
        foreach (var (name, value) in sourceVariables)
            env[name] = value;
        env.Remove(EgressPolicy.Variable);
        if (egressAllow is not null)
            env[EgressPolicy.Variable] = egressAllow;
        env[SessionMarker] = sessionMarker;
        return env;
    }

    public static bool IsInherited(string name) =>
        Allowed.Contains(name.ToUpperInvariant()) || AllowedPrefixes.Any(p => name.StartsWith(p, StringComparison.OrdinalIgnoreCase));
}
