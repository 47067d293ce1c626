using System.Security.Cryptography;
using System.Text;
using Mosaic.Server.Configuration;

namespace Mosaic.Server.Credentials;

/// <summary>
/// AES-256-GCM with a key id in every ciphertext: <c>v1.&lt;kid&gt;.&lt;base64(nonce|ciphertext|tag)&gt;</c>.
/// The key id is derived from the key itself (first 8 bytes of SHA-256 over a label and the key,
/// which reveals nothing about it), so operators manage only keys, never ids. The current key
/// encrypts; previous keys (ENCRYPTION_KEYS_PREVIOUS) still decrypt until rows are rotated.
/// The associated data binds a ciphertext to its user and datasource: a row copied onto another
/// user's record does not decrypt.
/// </summary>
public sealed class CredentialEncryptor
{
    private const string Version = "v1";
    private const int NonceSize = 12,
        TagSize = 16;
    private readonly Dictionary<string, byte[]> _keys = new(StringComparer.Ordinal);

    public CredentialEncryptor(MosaicSecrets secrets)
    {
        CurrentKeyId = KeyId(secrets.CurrentEncryptionKey);
        _keys[CurrentKeyId] = secrets.CurrentEncryptionKey;
        foreach (var key in secrets.PreviousEncryptionKeys)
            _keys.TryAdd(KeyId(key), key);
    }

    public string CurrentKeyId { get; }

    public static string KeyId(byte[] key) => Convert.ToHexStringLower(SHA256.HashData([.. "mosaic-key-id:"u8, .. key])[..8]);

    public string Encrypt(string plaintext, string userId, string datasource)
    {
        var nonce = RandomNumberGenerator.GetBytes(NonceSize);
        var input = Encoding.UTF8.GetBytes(plaintext);
        var output = new byte[NonceSize + input.Length + TagSize];
        nonce.CopyTo(output, 0);
        using var aes = new AesGcm(_keys[CurrentKeyId], TagSize);
        aes.Encrypt(nonce, input, output.AsSpan(NonceSize, input.Length), output.AsSpan(NonceSize + input.Length), Aad(userId, datasource));
        CryptographicOperations.ZeroMemory(input);
        return $"{Version}.{CurrentKeyId}.{Convert.ToBase64String(output)}";
    }

    public string Decrypt(string stored, string userId, string datasource)
    {
        var parts = stored.Split('.');
        if (parts.Length != 3 || parts[0] != Version)
            throw new CredentialDecryptionException($"Stored credentials for {datasource} are in an unknown format.");
        if (!_keys.TryGetValue(parts[1], out var key))
            throw new CredentialDecryptionException(
                $"Credentials for {datasource} were encrypted with key {parts[1]}, which is not configured. "
                    + "Add that key to ENCRYPTION_KEYS_PREVIOUS (or restore ENCRYPTION_KEY), then run rotate-encryption-key."
            );
        var data = Convert.FromBase64String(parts[2]);
        if (data.Length < NonceSize + TagSize)
            throw new CredentialDecryptionException($"Stored credentials for {datasource} are truncated.");
        var plain = new byte[data.Length - NonceSize - TagSize];
        try
        {
            using var aes = new AesGcm(key, TagSize);
            aes.Decrypt(
                data.AsSpan(0, NonceSize),
                data.AsSpan(NonceSize, plain.Length),
                data.AsSpan(NonceSize + plain.Length),
                plain,
                Aad(userId, datasource)
            );
            return Encoding.UTF8.GetString(plain);
        }
        catch (AuthenticationTagMismatchException)
        {
            throw new CredentialDecryptionException($"Stored credentials for {datasource} failed their integrity check.");
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plain);
        }
    }

    /// <summary>The key id a stored value was written with, or null when unreadable.</summary>
    public static string? KeyIdOf(string stored) => stored.Split('.') is [Version, var kid, _] ? kid : null;

    private static byte[] Aad(string userId, string datasource) => Encoding.UTF8.GetBytes($"{userId}\n{datasource}");
}

public sealed class CredentialDecryptionException(string message) : Exception(message);
