using System.Security.Cryptography;
using System.Text;
using Duende.IdentityModel;
using Duende.IdentityModel.Client;
using Mosaic.Server.Connectors;
using Mosaic.Server.Credentials;
using Mosaic.Server.Datasources;
using Mosaic.Server.OAuth.Providers;

namespace Mosaic.Server.OAuth;

/// <summary>
/// The one-click connection of the five built-in sources (docs/oauth.md): the authorize redirect (state, PKCE S256 where
/// the provider supports it, the provider's scopes and parameters), then at the callback the state check, the provider's
/// own checks, the code exchange (Duende.IdentityModel), the provider's steps after it, the save in the vault and a
/// <c>whoami</c> for the identity. Any failure before the save stores nothing. Scoped.
/// </summary>
public sealed class BuiltInOAuthConnector(
    OAuthProviders providers,
    OAuthApps apps,
    OAuthEnvironment environment,
    OAuthStates states,
    OAuthTokenRequests tokens,
    SourcePolicies policies,
    CredentialVault vault,
    SourceIdentities identities,
    SourceTester tester,
    OAuthAdmins admins,
    TimeProvider time,
    ILogger<BuiltInOAuthConnector> logger
) : IOAuthConnector
{
    public bool Handles(SourceDefinition source) => source.IsBuiltIn && providers.ForSource(source.Id) is not null;

    public async Task<Uri> StartAsync(OAuthStartRequest request, CancellationToken ct)
    {
        var (source, provider) = (request.Source, Provider(request.Source));
        var policy = await policies.ForAsync(source.Id, ct);
        // A shared connection is the admin's to make (it becomes the workspace's row); a member gets nothing to connect.
        if (!policy.Enabled || (policy.Shared && !await admins.IsAdminAsync(request.UserId, ct)))
            throw new OAuthFlowException(OAuthFailure.Unavailable, $"{source.Name} is switched off or connected for everyone.");
        var app = await apps.FindAsync(provider, ct)
            ?? throw new OAuthFlowException(OAuthFailure.NotConfigured, $"No {provider.Name} OAuth app is configured.");
        var shopUrl = provider.NeedsShop ? ShopUrl(policy.FixedSettings, request.Shop) : null;
        var urls = provider.Urls(new OAuthPlace(environment.BaseUrl(provider), shopUrl));

        var verifier = provider.UsesPkce ? CryptoRandom.CreateUniqueId(32, CryptoRandom.OutputFormat.Base64Url) : null;
        var state = await states.CreateAsync(
            request.UserId,
            request.SessionId,
            source.Id,
            verifier,
            new OAuthFlowData(request.ReturnTo, shopUrl, policy.Shared),
            ct
        );
        var url = new RequestUrl(urls.Authorize.AbsoluteUri).CreateAuthorizeUrl(
            clientId: app.ClientId,
            responseType: OidcConstants.ResponseTypes.Code,
            scope: provider.ScopeValue,
            redirectUri: request.RedirectUri.AbsoluteUri,
            state: state,
            codeChallenge: verifier is null ? null : Challenge(verifier),
            codeChallengeMethod: verifier is null ? null : OidcConstants.CodeChallengeMethods.Sha256,
            extra: provider.AuthorizeExtras()
        );
        logger.LogInformation("OAuth flow for {Datasource} started by user {UserId}", source.Id, request.UserId);
        return new Uri(url);
    }

    public async Task<OAuthConnected> CompleteAsync(OAuthCallbackRequest request, CancellationToken ct)
    {
        var (source, provider, query) = (request.Source, Provider(request.Source), request.Query);
        var flow = await states.ConsumeAsync(query.GetValueOrDefault("state"), request.UserId, request.SessionId, source.Id, ct)
            ?? throw new OAuthFlowException(OAuthFailure.State, "The state is unknown, used, expired or someone else's.");
        var returnTo = flow.Data.ReturnTo;
        if (query.GetValueOrDefault("error") is { } error)
            throw error == "access_denied"
                ? new OAuthFlowException(OAuthFailure.Denied, "Consent was denied.", error, returnTo)
                : new OAuthFlowException(OAuthFailure.Provider, "The provider answered with an error.", error, returnTo);
        var policy = await policies.ForAsync(source.Id, ct);
        var app = await apps.FindAsync(provider, ct)
            ?? throw new OAuthFlowException(OAuthFailure.NotConfigured, "The OAuth app was removed.", null, returnTo);
        if (provider.VerifyCallback(query, app) is { } refused)
        {
            logger.LogWarning("OAuth callback for {Datasource} failed verification: {Reason}", source.Id, refused);
            throw new OAuthFlowException(OAuthFailure.Verification, refused, null, returnTo);
        }
        if (query.GetValueOrDefault("code") is not { Length: > 0 } code)
            throw new OAuthFlowException(OAuthFailure.Provider, "The callback has no code.", "no_code", returnTo);

        var place = new OAuthPlace(environment.BaseUrl(provider), flow.Data.ShopUrl, policy.FixedSettings.GetValueOrDefault("api_url"));
        var fields = await ExchangeAsync(provider, place, app, code, request.RedirectUri, flow.Verifier, returnTo, ct);
        if (flow.Data.Shared)
        {
            // Still the admin's to make when the callback arrives, and still shared (else it would not be used).
            if (!policy.Shared || !await admins.IsAdminAsync(request.UserId, ct))
                throw new OAuthFlowException(OAuthFailure.Unavailable, "The source is no longer connected for everyone.", null, returnTo);
            await vault.SaveOAuthAsync(null, source.Id, fields.Fields, fields.ExpiresAt, request.UserId, ct);
            return new OAuthConnected(null, returnTo);
        }
        await vault.SaveOAuthAsync(request.UserId, source.Id, fields.Fields, fields.ExpiresAt, request.UserId, ct);
        return new OAuthConnected(await WhoamiAsync(request.UserId, source, ct), returnTo);
    }

    async Task<(Dictionary<string, string> Fields, DateTime? ExpiresAt)> ExchangeAsync(
        OAuthProvider provider,
        OAuthPlace place,
        OAuthClientApp app,
        string code,
        Uri redirectUri,
        string? verifier,
        string returnTo,
        CancellationToken ct
    )
    {
        try
        {
            var response = await tokens.ExchangeCodeAsync(provider, provider.Urls(place), app, code, redirectUri, verifier, ct);
            var grant = provider.ReadTokens(response);
            var fields = new Dictionary<string, string>(grant.Fields, StringComparer.Ordinal) { [OAuthFields.Provider] = provider.Id };
            using var http = tokens.CreateClient();
            foreach (var (name, value) in await provider.AfterExchangeAsync(grant, place, http, ct))
                fields[name] = value;
            if (place.ShopUrl is { } shop)
                fields["shop_url"] = shop;
            return (fields, grant.Lifetime is { } life ? time.GetUtcNow().UtcDateTime + life : null);
        }
        catch (OAuthRequestException e)
        {
            logger.LogWarning("The {Provider} code exchange failed: {Error}", provider.Id, e.Message);
            throw e.Error is null
                ? new OAuthFlowException(OAuthFailure.Unreachable, e.Message, null, returnTo)
                : new OAuthFlowException(OAuthFailure.Provider, e.Message, e.Error, returnTo);
        }
        catch (HttpRequestException e)
        {
            logger.LogWarning("{Provider} could not be reached: {Error}", provider.Id, e.HttpRequestError);
            throw new OAuthFlowException(OAuthFailure.Unreachable, "The provider could not be reached.", null, returnTo);
        }
    }

    /// <summary>Who the new connection acts as; null when the connector cannot say (the connection is kept either way).</summary>
    async Task<string?> WhoamiAsync(string userId, SourceDefinition source, CancellationToken ct)
    {
        var savedAt = await identities.SavedAtAsync(userId, source.Id, ct);
        var test = await tester.TestSavedAsync(userId, source, savedAt, ct);
        return test.Identity;
    }

    /// <summary>The admin's fixed shop, else the member's, which must be a <c>*.myshopify.com</c> shop.</summary>
    static string ShopUrl(IReadOnlyDictionary<string, string> fixedSettings, string? shop)
    {
        if (fixedSettings.GetValueOrDefault("shop_url") is { Length: > 0 } fixedShop)
            return fixedShop.TrimEnd('/');
        var name = shop?.Trim().ToLowerInvariant() ?? "";
        if (name.StartsWith("https://", StringComparison.Ordinal))
            name = name["https://".Length..].TrimEnd('/');
        if (!ShopifyProvider.IsShopDomain(name))
            throw new OAuthFlowException(OAuthFailure.BadShop, "The shop is not a *.myshopify.com shop.");
        return "https://" + name;
    }

    static string Challenge(string verifier) =>
        System.Buffers.Text.Base64Url.EncodeToString(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));

    OAuthProvider Provider(SourceDefinition source) =>
        providers.ForSource(source.Id) ?? throw new OAuthFlowException(OAuthFailure.Unavailable, $"{source.Name} has no OAuth provider.");
}
