using Microsoft.Extensions.Options;
using Mosaic.Connectors.Common.Egress;
using Mosaic.Connectors.MySql.Safety;

namespace Mosaic.Server.Configuration;

/// <summary>Every message names the variable to fix, so a bad deployment says what is wrong.</summary>
public sealed class MosaicSettingsValidator : IValidateOptions<MosaicSettings>
{
    private static readonly string[] Environments = ["development", "staging", "production"];
    private static readonly string[] LogLevels = ["TRACE", "DEBUG", "INFO", "INFORMATION", "WARNING", "WARN", "ERROR", "CRITICAL", "NONE"];

    public ValidateOptionsResult Validate(string? name, MosaicSettings s)
    {
        var errors = new List<string>();
        void Check(bool ok, string message)
        {
            if (!ok)
                errors.Add(message);
        }

        Check(
            Environments.Contains(s.Environment.ToLowerInvariant()),
            $"ENVIRONMENT must be one of {string.Join(", ", Environments)} (got '{s.Environment}')."
        );
        Check(s.BackendPort is > 0 and < 65536, "BACKEND_PORT must be between 1 and 65535.");
        Check(s.MySqlPort is > 0 and < 65536, "LOCAL_MYSQL_PORT must be between 1 and 65535.");
        Check(!string.IsNullOrWhiteSpace(s.DataDir), "MOSAIC_DATA_DIR must not be empty.");
        if (!string.IsNullOrWhiteSpace(s.DataDir))
            SqliteFilePolicy.Create(s.SqliteDirs, s.FullDataDir, errors);
        Check(s.StartupRetries is >= 0 and <= 100, "DATABASE_STARTUP_RETRIES must be between 0 and 100.");

        Check(s.JwtAlgorithm == "HS256", $"JWT_ALGORITHM must be HS256 (got '{s.JwtAlgorithm}').");
        Check(s.JwtExpireMinutes is > 0 and <= 60 * 24 * 30, "JWT_ACCESS_TOKEN_EXPIRE_MINUTES must be between 1 and 43200.");
        if (s.JwtSecretKey is { Length: > 0 } jwt)
            Check(jwt.Length >= 32, "JWT_SECRET_KEY must be at least 32 characters.");
        if (s.EncryptionKey is { Length: > 0 } key)
            Check(EncryptionKeyFormat.TryParse(key, out _), EncryptionKeyFormat.Requirement("ENCRYPTION_KEY"));
        foreach (var old in EncryptionKeyFormat.SplitList(s.EncryptionKeysPrevious))
            Check(EncryptionKeyFormat.TryParse(old, out _), EncryptionKeyFormat.Requirement("ENCRYPTION_KEYS_PREVIOUS (each entry)"));
        if (s.IsProduction)
        {
            Check(!string.IsNullOrWhiteSpace(s.JwtSecretKey), "JWT_SECRET_KEY is required when ENVIRONMENT=production.");
            Check(!string.IsNullOrWhiteSpace(s.EncryptionKey), "ENCRYPTION_KEY is required when ENVIRONMENT=production.");
        }
        Check(s.BcryptWorkFactor is >= 4 and <= 31, "BCRYPT_WORK_FACTOR must be between 4 and 31.");
        Check(!s.IsProduction || s.BcryptWorkFactor >= 10, "BCRYPT_WORK_FACTOR must be at least 10 when ENVIRONMENT=production.");
        Check(s.LoginMaxFailedAttempts >= 1, "LOGIN_MAX_FAILED_ATTEMPTS must be at least 1.");
        Check(s.LoginLockoutMinutes >= 1, "LOGIN_LOCKOUT_MINUTES must be at least 1.");

        foreach (var origin in s.CorsOriginList)
            Check(
                Uri.TryCreate(origin, UriKind.Absolute, out var u) && u.Scheme is "http" or "https" && u.AbsolutePath == "/",
                $"CORS_ORIGINS entries must be origins like https://mosaic.example.com (got '{origin}')."
            );
        foreach (var proxy in EncryptionKeyFormat.SplitList(s.TrustedProxies))
            Check(
                System.Net.IPNetwork.TryParse(proxy, out _) || System.Net.IPAddress.TryParse(proxy, out _),
                $"TRUSTED_PROXIES entries must be IP addresses or CIDR ranges (got '{proxy}')."
            );
        if (!EgressPolicy.TryParse(s.EgressAllow, out _, out var egressErrors))
            errors.AddRange(egressErrors);
        Check(s.RateLimitPerMinute >= 1, "RATE_LIMIT_REQUESTS_PER_MINUTE must be at least 1.");
        Check(s.RateLimitPerHour >= 1, "RATE_LIMIT_REQUESTS_PER_HOUR must be at least 1.");
        Check(
            LogLevels.Contains(s.LogLevel.ToUpperInvariant()),
            $"LOG_LEVEL must be one of {string.Join(", ", LogLevels)} (got '{s.LogLevel}')."
        );
        Check(
            s.LogFormat.ToLowerInvariant() is "development" or "json" or "text",
            $"LOG_FORMAT must be development or json (got '{s.LogFormat}')."
        );

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
