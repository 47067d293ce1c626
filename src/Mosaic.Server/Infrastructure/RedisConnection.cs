using Microsoft.Extensions.Options;
using Mosaic.Server.Configuration;
using StackExchange.Redis;

namespace Mosaic.Server.Infrastructure;

/// <summary>
/// The one Redis connection of this server (StackExchange.Redis multiplexes every caller over it),
/// or nothing when REDIS_URL is empty. Decided from the settings when first used, like the database,
/// so the configuration in force at start-up is the one that counts.
/// </summary>
public sealed class RedisConnection : IDisposable
{
    private readonly Lazy<IConnectionMultiplexer>? _multiplexer;

    public RedisConnection(IOptions<MosaicSettings> options, ILogger<RedisConnection> logger)
    {
        var s = options.Value;
        KeyPrefix = s.RedisKeyPrefix;
        if (string.IsNullOrWhiteSpace(s.RedisUrl))
            return;
        // The settings validator has already refused a malformed URL with a message naming REDIS_URL.
        if (!RedisUrl.TryParse(s.RedisUrl, out var url, out var error))
            throw new InvalidOperationException(error);
        Url = url;
        _multiplexer = new(() =>
        {
            var mux = ConnectionMultiplexer.Connect(url!.ToConfigurationOptions());
            if (mux.IsConnected)
                logger.LogInformation("Redis connected at {Redis}", url);
            else
                logger.LogWarning(
                    "Redis at {Redis} is not reachable; retrying in the background. Until it answers, "
                        + "rate limits count per replica and credential changes reach only this replica.",
                    url
                );
            mux.ConnectionFailed += (_, e) => logger.LogWarning("Redis connection lost ({FailureType}) at {Redis}", e.FailureType, url);
            mux.ConnectionRestored += (_, _) => logger.LogInformation("Redis connection restored at {Redis}", url);
            return mux;
        });
    }

    /// <summary>The configured server (password-free when printed), or null for the in-process default.</summary>
    public RedisUrl? Url { get; }

    public bool IsConfigured => Url is not null;

    /// <summary>Every key and channel Mosaic uses starts with this (REDIS_KEY_PREFIX), so deployments can share a Redis.</summary>
    public string KeyPrefix { get; }

    /// <summary>The shared connection; connects on first use. Only call when <see cref="IsConfigured"/>.</summary>
    public IConnectionMultiplexer Multiplexer =>
        _multiplexer?.Value ?? throw new InvalidOperationException("REDIS_URL is not set; check IsConfigured first.");

    /// <summary>True when Redis is configured and the connection is up right now.</summary>
    public bool IsConnected => _multiplexer is { IsValueCreated: true } m && m.Value.IsConnected;

    public void Dispose()
    {
        if (_multiplexer is { IsValueCreated: true } m)
            m.Value.Dispose();
    }
}
