using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Mosaic.Server.Admin;
using Mosaic.Server.Configuration;
using Mosaic.Server.Data;

namespace Mosaic.Server.Auth;

public abstract record SignupResult
{
    /// <param name="How">How the person got in (<see cref="JoinDecision.Allowed.How"/>), for the audit log.</param>
    public sealed record Created(User User, string How, string? InviteId) : SignupResult;

    public sealed record Invalid(Dictionary<string, string[]> Errors) : SignupResult;

    public sealed record Duplicate : SignupResult;

    /// <summary>Not allowed to join (<see cref="SignupGate"/>); <paramref name="Detail"/> is the one sentence to show.</summary>
    public sealed record Refused(string Detail) : SignupResult;
}

/// <summary>
/// A login's outcome. <see cref="Failure"/> (a <see cref="LoginFailures"/> word) is for the audit log only: the
/// person always gets the same answer.
/// </summary>
public sealed record LoginResult(User? User, string? UserId, string? Failure, bool LockedNow = false);

public static class LoginFailures
{
    public const string UnknownEmail = "unknown_email";
    public const string WrongPassword = "wrong_password";
    public const string Locked = "locked";
    public const string Disabled = "disabled";
}

/// <summary>
/// Accounts: signup, and login with lockout (docs/security.md#accounts-and-sessions).
/// Tokens are issued by <see cref="JwtTokenService"/>.
/// </summary>
public sealed class AuthService(
    MosaicDbContext db,
    IPasswordHasher hasher,
    SignupGate gate,
    InviteStore invites,
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

        // Who may join is decided before anything looks for an existing account: a refusal reveals none.
        var decision = await gate.DecideAsync(email, request.Invite, ct);
        if (decision is JoinDecision.Refused refused)
            return new SignupResult.Refused(refused.Detail);
        var allowed = (JoinDecision.Allowed)decision;
        if (await db.Users.AnyAsync(u => u.Email == email, ct))
            return new SignupResult.Duplicate();
        var now = time.GetUtcNow().UtcDateTime;
        var user = new User
        {
            Email = email,
            PasswordHash = hasher.Hash(request.Password),
            Name = name,
            Role = allowed.Role,
            CreatedAt = now,
            UpdatedAt = now,
        };
        try
        {
            if (allowed.Invite is { } invite && !await CreateWithInviteAsync(user, invite.Id, ct))
                return new SignupResult.Refused(SignupGate.UnusableInvite); // another sign-up used the link first
            if (allowed.Invite is null)
            {
                db.Users.Add(user);
                await db.SaveChangesAsync(ct);
            }
        }
        catch (DbUpdateException)
        {
            // Lost a race with a concurrent signup for the same address: the unique index decided.
            db.Entry(user).State = EntityState.Detached;
            if (await db.Users.AnyAsync(u => u.Email == email, ct))
                return new SignupResult.Duplicate();
            throw;
        }
        if (user.Role != UserRoles.Admin)
            await PromoteIfFirstAsync(user, ct);
        logger.LogInformation("Account created for user {UserId} ({How}, {Role})", user.Id, allowed.How, user.Role);
        return new SignupResult.Created(user, allowed.How, allowed.Invite?.Id);
    }

    /// <summary>The account and the invitation's use commit together: a refused or failed sign-up leaves the link usable.</summary>
    private Task<bool> CreateWithInviteAsync(User user, string inviteId, CancellationToken ct) =>
        db
            .Database.CreateExecutionStrategy()
            .ExecuteAsync(
                async token =>
                {
                    await using var tx = await db.Database.BeginTransactionAsync(token);
                    if (!await invites.TryConsumeAsync(inviteId, user.Id, token))
                        return false;
                    db.Users.Add(user);
                    await db.SaveChangesAsync(token);
                    await tx.CommitAsync(token);
                    return true;
                },
                ct
            );

    /// <summary>
    /// The first account becomes the admin. Checked under <see cref="AdminGuard"/>, so of two first sign-ups at the
    /// same moment exactly one is promoted (the second sees the first's role once it commits).
    /// </summary>
    private async Task PromoteIfFirstAsync(User user, CancellationToken ct)
    {
        if (await db.Users.AnyAsync(u => u.Role == UserRoles.Admin && u.DisabledAt == null, ct))
            return; // the common case, without taking the guard
        var promoted = await AdminGuard.SerializedAsync(
            db,
            time,
            async token =>
            {
                if (await AdminGuard.AnotherAdminAsync(db, user.Id, token))
                    return false;
                await db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.Role, UserRoles.Admin), token);
                return true;
            },
            ct
        );
        if (!promoted)
            return;
        user.Role = UserRoles.Admin;
        logger.LogInformation("User {UserId} is the workspace's first account and its admin", user.Id);
    }

    /// <summary>
    /// The user when the password is right and the account is neither locked nor disabled; otherwise no user,
    /// the same way for an unknown email, a wrong password, a locked and a disabled account, so nothing is revealed
    /// (the reason is for the audit log).
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
    public async Task<LoginResult> LoginAsync(LoginRequest request, CancellationToken ct)
    {
        var email = EmailAddress.Normalize(request.Email);
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Email == email, ct);
        if (user is null || user.DisabledAt is not null)
        {
            hasher.VerifyAgainstDummy(request.Password); // as long as a real check: timing reveals nothing either
            return new LoginResult(null, user?.Id, user is null ? LoginFailures.UnknownEmail : LoginFailures.Disabled);
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
            return new LoginResult(null, user.Id, LoginFailures.Locked);
        }
        if (!hasher.Verify(request.Password, user.PasswordHash))
            return new LoginResult(null, user.Id, LoginFailures.WrongPassword, await LockAtLimitAsync(user.Id, now, ct));

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
        return new LoginResult(user, user.Id, null);
    }

    // The failed attempt's slot stays counted; the failure that reaches the limit locks the account and starts a fresh count.
    private async Task<bool> LockAtLimitAsync(string userId, DateTime now, CancellationToken ct)
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
        return locked > 0;
    }
}
