using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Mosaic.Server.Admin;
using Mosaic.Server.Configuration;

namespace Mosaic.Server.Auth;

public static class AuthExtensions
{
    /// <summary>JWT from the <c>access_token</c> cookie, checked against the account and logged-out tokens; antiforgery for CSRF.</summary>
    public static WebApplicationBuilder AddAuth(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddScoped<AuthService>();
        services.AddScoped<RevokedTokenStore>();
        services.AddScoped<SessionValidity>();
        services.AddSingleton<IPasswordHasher, PasswordHasher>();
        services.AddSingleton<JwtTokenService>();
        services.AddSingleton<Csrf>();

        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services
            .AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<JwtTokenService, TimeProvider>(
                (o, tokens, time) =>
                {
                    o.MapInboundClaims = false;
                    o.TimeProvider = time;
                    o.TokenValidationParameters = new TokenValidationParameters
                    {
                        ValidIssuer = JwtTokenService.Issuer,
                        ValidAudience = JwtTokenService.Issuer,
                        IssuerSigningKey = tokens.SigningKey,
                        ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
                        NameClaimType = ClaimsPrincipalExtensions.EmailClaim,
                        ClockSkew = TimeSpan.FromSeconds(30),
                        // Judge expiry by the injected clock, so tests with a fake clock agree with the issuer.
                        LifetimeValidator = (notBefore, expires, _, p) =>
                        {
                            var now = time.GetUtcNow().UtcDateTime;
                            return (notBefore is null || notBefore <= now + p.ClockSkew) && expires is { } e && e > now - p.ClockSkew;
                        },
                    };
                    o.Events = new JwtBearerEvents
                    {
                        // Only the cookie is a session; an Authorization header is ignored.
                        OnMessageReceived = ctx =>
                        {
                            ctx.Token = ctx.Request.Cookies[JwtTokenService.CookieName];
                            if (string.IsNullOrEmpty(ctx.Token))
                                ctx.NoResult();
                            return Task.CompletedTask;
                        },
                        // Logged out, account disabled or deleted, or signed out everywhere: one query (SessionValidity).
                        OnTokenValidated = async ctx =>
                        {
                            var jti = ctx.Principal?.FindFirst(JwtRegisteredClaimNames.Jti)?.Value;
                            var userId = ctx.Principal?.FindUserId();
                            var issuedAt = ctx.SecurityToken is JsonWebToken jwt ? jwt.IssuedAt : DateTime.MinValue;
                            var sessions = ctx.HttpContext.RequestServices.GetRequiredService<SessionValidity>();
                            if (
                                jti is null
                                || userId is null
                                || !await sessions.IsLiveAsync(userId, jti, issuedAt, ctx.HttpContext.RequestAborted)
                            )
                                ctx.Fail("This session has ended; sign in again.");
                        },
                    };
                }
            );
        services.AddAuthorization();
        services.AddAdminAccess(); // the "admin" policy of /api/admin/*, role read from the database

        services.AddAntiforgery(o =>
        {
            o.HeaderName = Csrf.HeaderName;
            o.Cookie.Name = "mosaic.antiforgery";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.SuppressXFrameOptionsHeader = true; // SecurityHeaders sets frame-ancestors for every response
        });
        services
            .AddOptions<Microsoft.AspNetCore.Antiforgery.AntiforgeryOptions>()
            .Configure<IOptions<MosaicSettings>>(
                (o, s) => o.Cookie.SecurePolicy = s.Value.IsDevelopment ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always
            );
        return builder;
    }

    public static WebApplication UseAuth(this WebApplication app)
    {
        app.UseAuthentication();
        var csrf = app.Services.GetRequiredService<Csrf>();
        app.Use((http, next) => csrf.HandleAsync(http, () => next(http)));
        return app;
    }
}
