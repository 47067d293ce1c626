using System.Security.Claims;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Mosaic.Server.Configuration;
using Mosaic.Server.Data;

namespace Mosaic.Server.Auth;

/// <summary>Issues the HS256 session token and writes/clears the <c>access_token</c> cookie
/// (docs/security.md#accounts-and-sessions).</summary>
public sealed class JwtTokenService(MosaicSecrets secrets, IOptions<MosaicSettings> options, TimeProvider time)
{
    public const string CookieName = "access_token";
    public const string Issuer = "mosaic";

    public SymmetricSecurityKey SigningKey { get; } = new(secrets.JwtSigningKey);

    public (string Token, ClaimsPrincipal Principal, DateTimeOffset ExpiresAt) Issue(User user)
    {
        var now = time.GetUtcNow();
        var expires = now.AddMinutes(options.Value.JwtExpireMinutes);
        // Signed in within the second of a "sign out everywhere": iat is that cutoff, so the new session counts.
        var issuedAt =
            user.SessionsValidAfter is { } cutoff && cutoff > now.UtcDateTime
                ? DateTime.SpecifyKind(cutoff, DateTimeKind.Utc)
                : now.UtcDateTime;
        // Claims carry our issuer, as they will when the token is read back: antiforgery binds its
        // token to (sub, issuer), so the principal used right after login must match later requests.
        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimsPrincipalExtensions.UserIdClaim, user.Id, ClaimValueTypes.String, Issuer, Issuer),
                new Claim(ClaimsPrincipalExtensions.EmailClaim, user.Email, ClaimValueTypes.String, Issuer, Issuer),
                new Claim(JwtRegisteredClaimNames.Jti, Guid.NewGuid().ToString("N"), ClaimValueTypes.String, Issuer, Issuer),
            ],
            authenticationType: "jwt",
            nameType: ClaimsPrincipalExtensions.EmailClaim,
            roleType: "role"
        );

        var token = new JsonWebTokenHandler().CreateToken(
            new SecurityTokenDescriptor
            {
                Subject = identity,
                Issuer = Issuer,
                Audience = Issuer,
                IssuedAt = issuedAt,
                NotBefore = now.UtcDateTime,
                Expires = expires.UtcDateTime,
                SigningCredentials = new SigningCredentials(SigningKey, SecurityAlgorithms.HmacSha256),
            }
        );
        return (token, new ClaimsPrincipal(identity), expires);
    }

    public void WriteCookie(HttpResponse response, string token, DateTimeOffset expiresAt) =>
        response.Cookies.Append(CookieName, token, CookieOptions(expiresAt, httpOnly: true));

    public void ClearCookie(HttpResponse response) => response.Cookies.Delete(CookieName, CookieOptions(null, httpOnly: true));

    /// <summary>Secure everywhere but development (where the UI runs on plain http://localhost).</summary>
    public CookieOptions CookieOptions(DateTimeOffset? expiresAt, bool httpOnly) =>
        new()
        {
            HttpOnly = httpOnly,
            Secure = !options.Value.IsDevelopment,
            SameSite = SameSiteMode.Lax,
            Path = "/",
            Expires = expiresAt,
            IsEssential = true,
        };
}
