using Microsoft.Extensions.Caching.Hybrid;
using Mosaic.Server.Credentials;

namespace Mosaic.Server.Digest;

/// <summary>
/// Forgets a user's cached digests when they save or delete credentials: a source connected a minute ago
/// belongs in the next digest, not in five minutes. Changes made on other replicas arrive through the same
/// notifier (Redis relay), so every replica forgets its copy.
/// </summary>
internal sealed class DigestCacheInvalidator(ICredentialChangeNotifier notifier, HybridCache cache, ILogger<DigestCacheInvalidator> logger)
    : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        notifier.Changed += OnChanged;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        notifier.Changed -= OnChanged;
        return Task.CompletedTask;
    }

    private void OnChanged(CredentialChange change) => _ = ForgetAsync(change.UserId);

    // A workspace-wide change (null user: shared credentials, a source switched off) concerns every user's digests.
    private async Task ForgetAsync(string? userId)
    {
        try
        {
            await cache.RemoveByTagAsync(userId is null ? DigestService.AllTag : DigestService.CacheTag(userId));
        }
        catch (Exception e)
        {
            logger.LogWarning("Could not forget the cached digests after a credential change: {Error}", e.Message);
        }
    }
}
