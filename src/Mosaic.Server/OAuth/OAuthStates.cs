using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Duende.IdentityModel;
using Microsoft.EntityFrameworkCore;
using Mosaic.Server.Credentials;
using Mosaic.Server.Data;

namespace Mosaic.Server.OAuth;

/// <summary>
/// Pending flows in <c>oauth_states</c>: the <c>state</c> parameter is a random value of which only the SHA-256 is stored,
/// bound to the user and to the sign-in session (its jti, hashed) that started it, good for ten minutes and for one
/// callback: <see cref="ConsumeAsync"/> deletes the row with a conditional DELETE, so of two callbacks with the same state
/// (two replicas, a replay) exactly one proceeds. The PKCE verifier is encrypted like credentials. Expired rows are
/// removed whenever a flow starts. Scoped.
/// </summary>
public sealed class OAuthStates(MosaicDbContext db, CredentialEncryptor encryptor, TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    /// <summary>Stores a new pending flow and returns its <c>state</c> value (the only copy leaves in the redirect).</summary>
    public async Task<string> CreateAsync(
        string userId,
        string sessionId,
        string source,
        string? verifier,
        OAuthFlowData data,
        CancellationToken ct
    )
    {
        var now = time.GetUtcNow().UtcDateTime;
        await db.OAuthStates.Where(s => s.ExpiresAt < now).ExecuteDeleteAsync(ct);
        var state = CryptoRandom.CreateUniqueId(32, CryptoRandom.OutputFormat.Base64Url);
        db.OAuthStates.Add(
            new OAuthState
            {
                Id = Hash(state),
                UserId = userId,
                SessionHash = Hash(sessionId),
                Source = source,
                EncryptedVerifier = verifier is null ? null : encryptor.Encrypt(verifier, userId, VerifierAad(source)),
                Data = JsonSerializer.Serialize(data),
                CreatedAt = now,
                ExpiresAt = now + Lifetime,
            }
        );
        await db.SaveChangesAsync(ct);
        return state;
    }

    /// <summary>
    /// The flow <paramref name="state"/> started, consumed; null when it is unknown, expired, already used, for another
    /// source, or started by another user or another session (then it is left for its owner).
    /// </summary>
    public async Task<PendingFlow?> ConsumeAsync(string? state, string userId, string sessionId, string source, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(state) || state.Length > 200)
            return null;
        var id = Hash(state);
        var now = time.GetUtcNow().UtcDateTime;
        var row = await db.OAuthStates.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct);
        if (row is null || row.ExpiresAt <= now || row.UserId != userId || row.SessionHash != Hash(sessionId) || row.Source != source)
            return null;
        // Single use: only the callback whose DELETE removed the row goes on.
        if (await db.OAuthStates.Where(s => s.Id == id && s.ExpiresAt > now).ExecuteDeleteAsync(ct) != 1)
            return null;
        var verifier = row.EncryptedVerifier is null ? null : encryptor.Decrypt(row.EncryptedVerifier, userId, VerifierAad(source));
        var data = JsonSerializer.Deserialize<OAuthFlowData>(row.Data ?? "{}") ?? new OAuthFlowData("/", null);
        return new PendingFlow(verifier, data);
    }

    static string VerifierAad(string source) => $"oauth_state:{source}";

    public static string Hash(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));
}

/// <param name="ReturnTo">The UI path to come back to.</param>
/// <param name="ShopUrl">Shopify: the shop the flow is for.</param>
/// <param name="Shared">An admin connects the workspace's shared connection of the source.</param>
public sealed record OAuthFlowData(string ReturnTo, string? ShopUrl, bool Shared = false);

public sealed record PendingFlow(string? Verifier, OAuthFlowData Data);
