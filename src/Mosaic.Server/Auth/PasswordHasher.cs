using Microsoft.Extensions.Options;
using Mosaic.Server.Configuration;

namespace Mosaic.Server.Auth;

/// <summary>
/// bcrypt over a SHA-384 pre-hash (BCrypt.Net's "enhanced" mode): bcrypt alone reads only the first
/// 72 bytes, so two long passphrases sharing a prefix would match. The pre-hash makes every byte
/// count without refusing long passwords.
/// </summary>
public sealed class PasswordHasher(IOptions<MosaicSettings> options)
{
    private const BCrypt.Net.HashType PreHash = BCrypt.Net.HashType.SHA384;
    private readonly Lazy<string> _dummy = new(() => BCrypt.Net.BCrypt.EnhancedHashPassword(Guid.NewGuid().ToString(), options.Value.BcryptWorkFactor, PreHash));

    public string Hash(string password) =>
        BCrypt.Net.BCrypt.EnhancedHashPassword(password, options.Value.BcryptWorkFactor, PreHash);

    public bool Verify(string password, string hash)
    {
        try { return BCrypt.Net.BCrypt.EnhancedVerify(password, hash, PreHash); }
        catch (BCrypt.Net.SaltParseException) { return false; }
    }

    /// <summary>Spends the same time as a real check, so an unknown email cannot be told apart by timing.</summary>
    public void VerifyAgainstDummy(string password) => Verify(password, _dummy.Value);
}
