using Microsoft.Extensions.Options;
using Mosaic.Server.Configuration;

namespace Mosaic.Server.Auth;

/// <summary>Password hashing; an interface so a test can count how many guesses were really evaluated.</summary>
public interface IPasswordHasher
{
    string Hash(string password);

    /// <summary>Evaluates a guess against a stored hash (the slow step a lockout must bound).</summary>
    bool Verify(string password, string hash);

    /// <summary>Spends the same time as a real check without evaluating anything, so timing reveals nothing.</summary>
    void VerifyAgainstDummy(string password);
}

/// <summary>
/// bcrypt over a SHA-384 pre-hash (BCrypt.Net's "enhanced" mode): bcrypt alone reads only the first
/// 72 bytes, so two long passphrases sharing a prefix would match. The pre-hash makes every byte
/// count without refusing long passwords.
/// </summary>
public sealed class PasswordHasher(IOptions<MosaicSettings> options) : IPasswordHasher
{
    private const BCrypt.Net.HashType PreHash = BCrypt.Net.HashType.SHA384;
    private readonly Lazy<string> _dummy = new(() =>
        BCrypt.Net.BCrypt.EnhancedHashPassword(Guid.NewGuid().ToString(), options.Value.BcryptWorkFactor, PreHash)
    );

    public string Hash(string password) => BCrypt.Net.BCrypt.EnhancedHashPassword(password, options.Value.BcryptWorkFactor, PreHash);

    public bool Verify(string password, string hash)
    {
        try
        {
            return BCrypt.Net.BCrypt.EnhancedVerify(password, hash, PreHash);
        }
        catch (BCrypt.Net.SaltParseException)
        {
            return false;
        }
    }

    public void VerifyAgainstDummy(string password) => Verify(password, _dummy.Value);
}
