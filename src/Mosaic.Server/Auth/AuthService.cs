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

/// <summary>Accounts: signup, and login with lockout (spec §8.1). Tokens are issued by <see cref="JwtTokenService"/>.</summary>
public sealed class AuthService(
    MosaicDbContext db, PasswordHasher hasher, IOptions<MosaicSettings> options, TimeProvider time, ILogger<AuthService> logger)
{
    public async Task<SignupResult> SignupAsync(SignupRequest request, CancellationToken ct)
    {
        var email = EmailAddress.Normalize(request.Email);
        var errors = new Dictionary<string, string[]>();
        if (EmailAddress.Check(email) is { } emailError) errors["email"] = [emailError];
        if (PasswordPolicy.Check(request.Password) is { } passwordError) errors["password"] = [passwordError];
        var name = string.IsNullOrWhiteSpace(request.Name) ? null : request.Name.Trim();
        if (name is { Length: > 255 }) errors["name"] = ["Name must be at most 255 characters."];
        if (errors.Count > 0) return new SignupResult.Invalid(errors);

        if (await db.Users.AnyAsync(u => u.Email == email, ct)) return new SignupResult.Duplicate();
        var now = time.GetUtcNow().UtcDateTime;
        var user = new User { Email = email, PasswordHash = hasher.Hash(request.Password), Name = name, CreatedAt = now, UpdatedAt = now };
        db.Users.Add(user);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Lost a race with a concurrent signup for the same address: the unique index decided.
            db.Entry(user).State = EntityState.Detached;
            if (await db.Users.AnyAsync(u => u.Email == email, ct)) return new SignupResult.Duplicate();
            throw;
        }
        logger.LogInformation("Account created for user {UserId}", user.Id);
        return new SignupResult.Created(user);
    }

    /// <summary>
    /// The user when the password is right and the account is not locked; otherwise null, the same
    /// way for an unknown email, a wrong password and a locked account, so nothing is revealed.
    /// </summary>
    public async Task<User?> LoginAsync(LoginRequest request, CancellationToken ct)
    {
        var email = EmailAddress.Normalize(request.Email);
        var user = await db.Users.FirstOrDefaultAsync(u => u.Email == email, ct);
        if (user is null)
        {
            hasher.VerifyAgainstDummy(request.Password);
            return null;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var locked = user.LockedUntil is { } until && until > now;
        var passwordOk = hasher.Verify(request.Password, user.PasswordHash);
        if (locked)
        {
            logger.LogWarning("Login refused for locked user {UserId}", user.Id);
            return null;
        }
        if (!passwordOk)
        {
            await RecordFailureAsync(user.Id, now, ct);
            return null;
        }

        user.FailedLoginAttempts = 0;
        user.LockedUntil = null;
        user.PreviousLogin = user.LastLogin;
        user.LastLogin = now;
        user.UpdatedAt = now;
        await db.SaveChangesAsync(ct);
        return user;
    }

    // Counted in the database (not read-modify-write) so parallel guesses cannot undercount.
    private async Task RecordFailureAsync(string userId, DateTime now, CancellationToken ct)
    {
        var s = options.Value;
        await db.Users.Where(u => u.Id == userId)
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.FailedLoginAttempts, x => x.FailedLoginAttempts + 1), ct);
        var lockedUntil = now.AddMinutes(s.LoginLockoutMinutes);
        var locked = await db.Users.Where(u => u.Id == userId && u.FailedLoginAttempts >= s.LoginMaxFailedAttempts)
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.LockedUntil, lockedUntil).SetProperty(x => x.FailedLoginAttempts, 0), ct);
        if (locked > 0) logger.LogWarning("User {UserId} locked until {LockedUntil} after repeated failed logins", userId, lockedUntil);
        else logger.LogInformation("Failed login for user {UserId}", userId);
    }
}
