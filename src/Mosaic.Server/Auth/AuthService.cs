using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Mosaic.Server.Configuration;
using Mosaic.Server.Data;

namespace Mosaic.Server.Auth;

public abstract record SignupResult
{
    public sealed record Created(User User) : SignupResult;

    public sealed record Invalid(Dictionary<string, string[]> Errors) : SignupResult;

    public sealed record Duplicate : SignupResult;
}

/// <summary>
/// Accounts: signup, and login with lockout (docs/security.md#accounts-and-sessions).
/// Tokens are issued by <see cref="JwtTokenService"/>.
/// </summary>
public sealed class AuthService(
    MosaicDbContext db,
    IPasswordHasher hasher,
    IOptions<MosaicSettings> options,
    TimeProvider time,
    ILogger<AuthService> logger
)
{
    public async Task<SignupResult> SignupAsync(SignupRequest request, CancellationToken ct)
    {
        var email = EmailAddress.Normalize(request.Email);
        var errors = new Dictionary<string, string[]>();
        if (EmailAddress.Check(email) is { } emailError)
            errors["email"] = [emailError];
        if (PasswordPolicy.Check(request.Password) is { } passwordError)
            errors["password"] = [passwordError];
        var name = string.IsNullOrWhiteSpace(request.Name) ? null : request.Name.Trim();
        if (name is { Length: > 255 })
            errors["name"] = ["Name must be at most 255 characters."];
        if (errors.Count > 0)
            return new SignupResult.Invalid(errors);

        if (await db.Users.AnyAsync(u => u.Email == email, ct))
            return new SignupResult.Duplicate();
        var now = time.GetUtcNow().UtcDateTime;
        var user = new User
        {
            Email = email,
            PasswordHash = hasher.Hash(request.Password),
            Name = name,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Users.Add(user);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Lost a race with a concurrent signup for the same address: the unique index decided.
            db.Entry(user).State = EntityState.Detached;
            if (await db.Users.AnyAsync(u => u.Email == email, ct))
                return new SignupResult.Duplicate();
            throw;
        }
        logger.LogInformation("Account created for user {UserId}", user.Id);
        return new SignupResult.Created(user);
    }

    /// <summary>
    /// The user when the password is right and the account is not locked; otherwise null, the same
    /// way for an unknown email, a wrong password and a locked account, so nothing is revealed.
    /// </summary>
    /// <remarks>
    /// Each attempt first takes a slot in the database: one conditional UPDATE adds 1 to
    /// failed_login_attempts only while the account is unlocked and below the limit. Only an attempt
    /// that got a slot has its password checked, so a burst of concurrent guesses is bounded by the
    /// limit however they interleave. The counter therefore holds failures plus attempts in flight:
    /// a wrong password leaves its 1 behind (and locks the account once the limit is reached), a
    /// right one resets it. A correct password that got a slot signs in even if guesses that ran
    /// beside it locked the account meanwhile.
    /// </remarks>
    public async Task<User?> LoginAsync(LoginRequest request, CancellationToken ct)
    {
        var email = EmailAddress.Normalize(request.Email);
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Email == email, ct);
        if (user is null)
        {
            hasher.VerifyAgainstDummy(request.Password);
            return null;
        }

        var s = options.Value;
        var now = time.GetUtcNow().UtcDateTime;
        var slot = await db
            .Users.Where(u =>
                u.Id == user.Id && u.FailedLoginAttempts < s.LoginMaxFailedAttempts && (u.LockedUntil == null || u.LockedUntil <= now)
            )
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.FailedLoginAttempts, x => x.FailedLoginAttempts + 1), ct);
        if (slot == 0)
        {
            // Locked, or the limit is taken by attempts still in flight: the guess is never evaluated,
            // but the answer takes as long as one that was, so timing does not reveal the lock.
            hasher.VerifyAgainstDummy(request.Password);
            logger.LogWarning("Login refused for locked user {UserId}", user.Id);
            return null;
        }
        if (!hasher.Verify(request.Password, user.PasswordHash))
        {
            await LockAtLimitAsync(user.Id, now, ct);
            return null;
        }

        await db
            .Users.Where(u => u.Id == user.Id)
            .ExecuteUpdateAsync(
                u =>
                    u.SetProperty(x => x.FailedLoginAttempts, 0)
                        .SetProperty(x => x.LockedUntil, (DateTime?)null)
                        .SetProperty(x => x.PreviousLogin, x => x.LastLogin)
                        .SetProperty(x => x.LastLogin, now)
                        .SetProperty(x => x.UpdatedAt, now),
                ct
            );
        user.FailedLoginAttempts = 0;
        user.LockedUntil = null;
        user.PreviousLogin = user.LastLogin;
        user.LastLogin = now;
        user.UpdatedAt = now;
        return user;
    }

    // The failed attempt's slot stays counted; the failure that reaches the limit locks the account and starts a fresh count.
    private async Task LockAtLimitAsync(string userId, DateTime now, CancellationToken ct)
    {
        var s = options.Value;
        var lockedUntil = now.AddMinutes(s.LoginLockoutMinutes);
        var locked = await db
            .Users.Where(u => u.Id == userId && u.FailedLoginAttempts >= s.LoginMaxFailedAttempts)
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.LockedUntil, lockedUntil).SetProperty(x => x.FailedLoginAttempts, 0), ct);
        if (locked > 0)
            logger.LogWarning("User {UserId} locked until {LockedUntil} after repeated failed logins", userId, lockedUntil);
        else
            logger.LogInformation("Failed login for user {UserId}", userId);
    }
}
