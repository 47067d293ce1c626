using System.Globalization;
using StackExchange.Redis;

namespace Mosaic.Server.Infrastructure;

/// <summary>
/// REDIS_URL in the usual form: <c>redis://[[user]:password@]host[:port][/db]</c>, or <c>rediss://</c>
/// for TLS. The password is kept for the connection only: <see cref="ToString"/> (used in logs and
/// messages) never includes it.
/// </summary>
public sealed record RedisUrl(string Host, int Port, string? User, string? Password, int Database, bool UseTls)
{
    public const string Variable = "REDIS_URL";
    private const string Shape = "redis://[:password@]host[:port][/db] or rediss://… for TLS";

    /// <summary>Parses the URL; on failure <paramref name="error"/> names REDIS_URL and never repeats the password.</summary>
    public static bool TryParse(string text, out RedisUrl? url, out string error)
    {
        url = null;
        error = "";
        if (!Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("redis" or "rediss"))
            return Fail($"{Variable} must look like {Shape}.", out error);
        if (string.IsNullOrEmpty(uri.Host))
            return Fail($"{Variable} has no host ({Shape}).", out error);
        if (!string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment))
            return Fail($"{Variable} does not take query parameters ({Shape}).", out error);

        var path = uri.AbsolutePath.Trim('/');
        var database = 0;
        if (path.Length > 0 && !(int.TryParse(path, NumberStyles.None, CultureInfo.InvariantCulture, out database) && database <= 1000))
            return Fail($"{Variable}: the database after the last '/' must be a number such as 0 (got '/{path}').", out error);

        // Userinfo "user:password", ":password", or "user" alone (an ACL user without a password).
        string? user = null,
            password = null;
        if (uri.UserInfo.Length > 0)
        {
            var colon = uri.UserInfo.IndexOf(':');
            user = Uri.UnescapeDataString(colon < 0 ? uri.UserInfo : uri.UserInfo[..colon]);
            if (colon >= 0)
                password = Uri.UnescapeDataString(uri.UserInfo[(colon + 1)..]);
            if (user.Length == 0)
                user = null;
        }

        var port = uri.IsDefaultPort || uri.Port < 0 ? 6379 : uri.Port;
        var host = uri.HostNameType == UriHostNameType.IPv6 ? uri.Host.Trim('[', ']') : uri.IdnHost;
        url = new RedisUrl(host, port, user, password, database, uri.Scheme == "rediss");
        return true;
    }

    /// <summary>
    /// Connection options for a cache that may come and go: start without it (abortConnect=false),
    /// keep reconnecting, and fail commands fast while disconnected instead of queueing them, so a
    /// Redis outage slows no request down (callers fall back to in-process behaviour).
    /// </summary>
    public ConfigurationOptions ToConfigurationOptions()
    {
        var options = new ConfigurationOptions
        {
            EndPoints = { { Host, Port } },
            User = User,
            Password = Password,
            DefaultDatabase = Database,
            Ssl = UseTls,
            SslHost = UseTls ? Host : null,
            AbortOnConnectFail = false,
            BacklogPolicy = BacklogPolicy.FailFast,
            ConnectTimeout = 5000,
            SyncTimeout = 5000,
            AsyncTimeout = 5000,
            ClientName = "mosaic",
        };
        return options;
    }

    /// <summary>Where Redis is, for logs and messages: no password, ever.</summary>
    public override string ToString() =>
        $"{(UseTls ? "rediss" : "redis")}://{(User is null ? "" : User + "@")}"
        + $"{(Host.Contains(':') ? $"[{Host}]" : Host)}:{Port}/{Database}";

    private static bool Fail(string message, out string error)
    {
        error = message;
        return false;
    }
}
