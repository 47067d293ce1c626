using Microsoft.Extensions.Configuration;
using Mosaic.Server.Sources.MySql;

namespace Mosaic.Server.Configuration;

/// <summary>
/// The server's settings, bound from environment variables (and a <c>.env</c> file) under the
/// names of docs/configuration.md. Validated at start-up by <see cref="MosaicSettingsValidator"/>, which names
/// the offending variable.
/// </summary>
public sealed class MosaicSettings
{
    [ConfigurationKeyName("ENVIRONMENT")]
    public string Environment { get; set; } = "development";

    [ConfigurationKeyName("BACKEND_HOST")]
    public string? BackendHost { get; set; }

    [ConfigurationKeyName("BACKEND_PORT")]
    public int BackendPort { get; set; } = 8000;

    [ConfigurationKeyName("MOSAIC_DATA_DIR")]
    public string DataDir { get; set; } = "./data";

    /// <summary>Comma-separated absolute directories whose SQLite files MySQL sources may open; empty turns SQLite sources off.</summary>
    [ConfigurationKeyName("MOSAIC_SQLITE_DIRS")]
    public string? SqliteDirs { get; set; }

    [ConfigurationKeyName("LOCAL_MYSQL_HOST")]
    public string? MySqlHost { get; set; }

    [ConfigurationKeyName("LOCAL_MYSQL_PORT")]
    public int MySqlPort { get; set; } = 3306;

    [ConfigurationKeyName("LOCAL_MYSQL_USER")]
    public string MySqlUser { get; set; } = "root";

    [ConfigurationKeyName("LOCAL_MYSQL_PASSWORD")]
    public string MySqlPassword { get; set; } = "";

    [ConfigurationKeyName("LOCAL_MYSQL_DATABASE")]
    public string MySqlDatabase { get; set; } = "connectorMCP";

    /// <summary>e.g. "10.11.6-mariadb" or "8.0.36-mysql"; detected from the server when empty.</summary>
    [ConfigurationKeyName("LOCAL_MYSQL_SERVER_VERSION")]
    public string? MySqlServerVersion { get; set; }

    /// <summary>Apply migrations at start-up (the default). Operators who migrate separately turn it off.</summary>
    [ConfigurationKeyName("DATABASE_MIGRATE_ON_STARTUP")]
    public bool MigrateOnStartup { get; set; } = true;

    [ConfigurationKeyName("DATABASE_STARTUP_RETRIES")]
    public int StartupRetries { get; set; } = 8;

    [ConfigurationKeyName("JWT_SECRET_KEY")]
    public string? JwtSecretKey { get; set; }

    [ConfigurationKeyName("JWT_ALGORITHM")]
    public string JwtAlgorithm { get; set; } = "HS256";

    [ConfigurationKeyName("JWT_ACCESS_TOKEN_EXPIRE_MINUTES")]
    public int JwtExpireMinutes { get; set; } = 1440;

    [ConfigurationKeyName("ENCRYPTION_KEY")]
    public string? EncryptionKey { get; set; }

    /// <summary>Comma-separated keys that may still decrypt (during a rotation); never used to encrypt.</summary>
    [ConfigurationKeyName("ENCRYPTION_KEYS_PREVIOUS")]
    public string? EncryptionKeysPrevious { get; set; }

    [ConfigurationKeyName("BCRYPT_WORK_FACTOR")]
    public int BcryptWorkFactor { get; set; } = 12;

    [ConfigurationKeyName("LOGIN_MAX_FAILED_ATTEMPTS")]
    public int LoginMaxFailedAttempts { get; set; } = 5;

    [ConfigurationKeyName("LOGIN_LOCKOUT_MINUTES")]
    public int LoginLockoutMinutes { get; set; } = 15;

    /// <summary>Where the built web UI is served from; the app's wwwroot when empty.</summary>
    [ConfigurationKeyName("MOSAIC_WEB_ROOT")]
    public string? WebRoot { get; set; }

    /// <summary>Reverse proxies (IPs or CIDR ranges, comma-separated) whose X-Forwarded-For/-Proto are believed.</summary>
    [ConfigurationKeyName("TRUSTED_PROXIES")]
    public string? TrustedProxies { get; set; }

    /// <summary>Internal hosts, IPs or CIDR ranges (each optionally :port) connectors may reach; see EgressPolicy.</summary>
    [ConfigurationKeyName("MOSAIC_EGRESS_ALLOW")]
    public string? EgressAllow { get; set; }

    [ConfigurationKeyName("CORS_ORIGINS")]
    public string CorsOrigins { get; set; } = "http://localhost:5173,http://localhost:3000";

    [ConfigurationKeyName("RATE_LIMIT_ENABLED")]
    public bool RateLimitEnabled { get; set; } = true;

    [ConfigurationKeyName("RATE_LIMIT_REQUESTS_PER_MINUTE")]
    public int RateLimitPerMinute { get; set; } = 60;

    [ConfigurationKeyName("RATE_LIMIT_REQUESTS_PER_HOUR")]
    public int RateLimitPerHour { get; set; } = 1000;

    [ConfigurationKeyName("LOG_LEVEL")]
    public string LogLevel { get; set; } = "INFO";

    [ConfigurationKeyName("LOG_FORMAT")]
    public string LogFormat { get; set; } = "development";

    /// <summary>Shared cache, rate limits and credential-change notices across replicas; empty means in-process.</summary>
    [ConfigurationKeyName("REDIS_URL")]
    public string? RedisUrl { get; set; }

    /// <summary>Prefix of every Redis key and channel Mosaic uses (several deployments may share one Redis).</summary>
    [ConfigurationKeyName("REDIS_KEY_PREFIX")]
    public string RedisKeyPrefix { get; set; } = "mosaic:";

    public bool IsProduction => Environment.Equals("production", StringComparison.OrdinalIgnoreCase);
    public bool IsDevelopment => Environment.Equals("development", StringComparison.OrdinalIgnoreCase);
    public bool UsesMySql => !string.IsNullOrWhiteSpace(MySqlHost);

    // "mysql" or "sqlite", as the health endpoint reports it: the same word as the MySQL source's id.
    public string DatabaseProvider => UsesMySql ? MySqlSource.Id : "sqlite";
    public string FullDataDir => Path.GetFullPath(DataDir);

    public IReadOnlyList<string> CorsOriginList =>
        CorsOrigins.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Where the server listens when ASPNETCORE_URLS is not given: loopback in development, all interfaces otherwise.</summary>
    public string ListenHost => string.IsNullOrWhiteSpace(BackendHost) ? (IsDevelopment ? "127.0.0.1" : "0.0.0.0") : BackendHost;
}
