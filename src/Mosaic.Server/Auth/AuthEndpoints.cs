using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Mosaic.Server.Audit;
using Mosaic.Server.Configuration;
using Mosaic.Server.Data;

namespace Mosaic.Server.Auth;

/// <summary>/api/auth: signup, login, logout, me (docs/architecture.md#http-api).</summary>
public static class AuthEndpoints
{
    /// <summary>
    /// The one answer to every failed login, locked account included (no hint whether an account exists or is
    /// locked), so it states the lockout rule up front: a person who keeps failing knows why and for how long.
    /// </summary>
    private static string InvalidLogin(MosaicSettings s) =>
        $"Invalid email or password. After {s.LoginMaxFailedAttempts} failed attempts in a row an account is locked for "
        + $"{s.LoginLockoutMinutes} minutes.";

    public static WebApplication MapAuthEndpoints(this WebApplication app)
    {
        var group = app.MapGroup("/api/auth").WithTags("Auth");

        group
            .MapPost(
                "/signup",
                async Task<Results<Created<AuthResponse>, ValidationProblem, ProblemHttpResult>> (
                    SignupRequest request,
                    AuthService auth,
                    JwtTokenService tokens,
                    Csrf csrf,
                    HttpContext http,
                    IAuditLog audit,
                    CancellationToken ct
                ) =>
                {
                    switch (await auth.SignupAsync(request, ct))
                    {
                        case SignupResult.Invalid invalid:
                            return TypedResults.ValidationProblem(invalid.Errors, title: "Signup details are not valid");
                        case SignupResult.Refused refused:
                            return TypedResults.Problem(
                                refused.Detail,
                                statusCode: StatusCodes.Status403Forbidden,
                                title: "Sign-up not allowed"
                            );
                        case SignupResult.Duplicate:
                            return TypedResults.Problem(
                                "An account with this email already exists.",
                                statusCode: StatusCodes.Status409Conflict,
                                title: "Email already registered"
                            );
                        case SignupResult.Created created:
                            // Signing up also signs in: the UI goes straight to the app.
                            StartSession(created.User, tokens, csrf, http);
                            await audit.WriteAsync(
                                http.AuditEvent(AuditKinds.Auth, "signup") with
                                {
                                    Detail = AuditRequests.Detail(new { how = created.How, role = created.User.Role }),
                                },
                                ct
                            );
                            if (created.InviteId is { } inviteId)
                                await audit.WriteAsync(http.AuditEvent(AuditKinds.Invite, "used") with { Target = inviteId }, ct);
                            return TypedResults.Created(
                                "/api/auth/me",
                                new AuthResponse("Account created", UserResponse.From(created.User))
                            );
                        default:
                            throw new InvalidOperationException("unreachable");
                    }
                }
            )
            .AllowAnonymous()
            .WithMetadata(new CsrfExemptAttribute());

        group
            .MapPost(
                "/login",
                async Task<Results<Ok<AuthResponse>, ProblemHttpResult>> (
                    LoginRequest request,
                    AuthService auth,
                    JwtTokenService tokens,
                    Csrf csrf,
                    HttpContext http,
                    IOptions<MosaicSettings> settings,
                    IAuditLog audit,
                    CancellationToken ct
                ) =>
                {
                    var result = await auth.LoginAsync(request, ct);
                    await AuditLoginAsync(result, request, http, audit, ct);
                    if (result.User is not { } user)
                        return TypedResults.Problem(
                            InvalidLogin(settings.Value),
                            statusCode: StatusCodes.Status401Unauthorized,
                            title: "Login failed"
                        );
                    StartSession(user, tokens, csrf, http);
                    return TypedResults.Ok(new AuthResponse("Login successful", UserResponse.From(user)));
                }
            )
            .AllowAnonymous()
            .WithMetadata(new CsrfExemptAttribute());

        group
            .MapPost(
                "/logout",
                async Task<Ok<MessageResponse>> (
                    HttpContext http,
                    RevokedTokenStore revoked,
                    JwtTokenService tokens,
                    IAuditLog audit,
                    CancellationToken ct
                ) =>
                {
                    await audit.WriteAsync(http.AuditEvent(AuditKinds.Auth, "logout"), ct);
                    var jti = http.User.FindFirst(JwtRegisteredClaimNames.Jti)?.Value;
                    var exp = http.User.FindFirst(JwtRegisteredClaimNames.Exp)?.Value;
                    if (jti is not null && long.TryParse(exp, out var seconds))
                        await revoked.RevokeAsync(jti, http.User.GetUserId(), DateTimeOffset.FromUnixTimeSeconds(seconds).UtcDateTime, ct);
                    tokens.ClearCookie(http.Response);
                    http.Response.Cookies.Delete(Csrf.CookieName);
                    return TypedResults.Ok(new MessageResponse("Logged out successfully"));
                }
            )
            .RequireAuthorization();

        group
            .MapGet(
                "/me",
                async Task<Results<Ok<UserResponse>, ProblemHttpResult>> (
                    HttpContext http,
                    MosaicDbContext db,
                    Csrf csrf,
                    CancellationToken ct
                ) =>
                {
                    var userId = http.User.GetUserId();
                    var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId, ct);
                    if (user is null)
                        return TypedResults.Problem(
                            "The account no longer exists.",
                            statusCode: StatusCodes.Status401Unauthorized,
                            title: "Not signed in"
                        );
                    csrf.IssueTokens(http); // the SPA calls /me at start: hand it a fresh XSRF token
                    return TypedResults.Ok(UserResponse.From(user));
                }
            )
            .RequireAuthorization();

        return app;
    }

    private static async Task AuditLoginAsync(
        LoginResult result,
        LoginRequest request,
        HttpContext http,
        IAuditLog audit,
        CancellationToken ct
    )
    {
        var attempt = http.AuditEvent(AuditKinds.Auth, "login") with
        {
            UserId = result.UserId,
            // The address tried, even when no account has it: repeated tries at many addresses are worth seeing.
            UserEmail = EmailAddress.Normalize(request.Email ?? "") is { Length: > 0 and <= 255 } email ? email : null,
        };
        if (result.User is not null)
        {
            await audit.WriteAsync(attempt, ct);
            return;
        }
        var failure = attempt with { Action = "login_failed", Outcome = AuditRequests.Denied };
        await audit.WriteAsync(failure with { Detail = AuditRequests.Detail(new { reason = result.Failure }) }, ct);
        if (result.LockedNow)
            await audit.WriteAsync(failure with { Action = "locked" }, ct);
    }

    private static void StartSession(User user, JwtTokenService tokens, Csrf csrf, HttpContext http)
    {
        var (token, principal, expiresAt) = tokens.Issue(user);
        tokens.WriteCookie(http.Response, token, expiresAt);
        // The XSRF token is bound to the signed-in identity, so issue it for the new principal.
        http.User = principal;
        csrf.IssueTokens(http);
    }
}
