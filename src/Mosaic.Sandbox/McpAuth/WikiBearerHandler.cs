using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Mosaic.Sandbox.McpAuth;

/// <summary>Accepts the wiki's own opaque access tokens, live and minted for this resource (RFC 8707 audience); Alice.</summary>
public sealed class WikiBearerHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    McpAuthState state,
    TimeProvider time
) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "AcmeWikiBearer";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            return Task.FromResult(AuthenticateResult.NoResult());
        if (!state.AccessTokens.TryGetValue(header[7..].Trim(), out var grant) || grant.Expires <= time.GetUtcNow())
            return Task.FromResult(AuthenticateResult.Fail("invalid_token"));
        if (grant.Resource != McpAuthorizationServer.Resource(Request))
            return Task.FromResult(AuthenticateResult.Fail("invalid_token: another audience"));
        var alice = Acme.AcmeCompany.Alice;
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, alice.Name), new Claim(ClaimTypes.Email, alice.Email), new Claim("scope", grant.Scope)],
            SchemeName
        );
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }
}
