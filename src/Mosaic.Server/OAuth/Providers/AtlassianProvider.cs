using System.Net.Http.Headers;
using System.Text.Json;
using Duende.IdentityModel.Client;
using Mosaic.Server.Sources.Jira;

namespace Mosaic.Server.OAuth.Providers;

/// <summary>
/// Atlassian OAuth 2.0 (3LO) for Jira Cloud (docs/oauth.md#atlassian): <c>audience=api.atlassian.com</c> and
/// <c>prompt=consent</c> at <c>auth.atlassian.com/authorize</c>, <c>offline_access</c> for a refresh token, which rotates
/// (a used one is invalid). After the exchange <c>accessible-resources</c> names the sites the token reaches; the first
/// with Jira's scopes is used, and the connector's <c>url</c> becomes <c>api.atlassian.com/ex/jira/{cloudId}</c> with the
/// access token as <c>api_token</c> and no email (the connector then sends it as a Bearer token). Atlassian offers no
/// revocation endpoint for 3LO: disconnecting deletes the tokens (the person can remove the app in their account).
/// </summary>
public sealed class AtlassianProvider : OAuthProvider
{
    public override string Id => "atlassian";
    public override string Name => "Atlassian";
    public override string SourceId => JiraSource.Id;
    public override string AccessTokenField => "api_token";
    public override string WhatYouSee => "your Jira issues";
    public override bool UsesPkce => false;

    /// <summary>Reading issues, projects and users; creating and updating issues (create_issue/update_issue, which always ask
    /// the person first); offline_access for the refresh token.</summary>
    public override IReadOnlyList<string> Scopes { get; } = ["read:jira-work", "read:jira-user", "write:jira-work", "offline_access"];

    public override ProviderUrls Urls(OAuthPlace place) =>
        new(Rebase("https://auth.atlassian.com/authorize", place.BaseUrl), Rebase("https://auth.atlassian.com/oauth/token", place.BaseUrl));

    public override Parameters AuthorizeExtras() => new() { { "audience", "api.atlassian.com" }, { "prompt", "consent" } };

    public override async Task<IReadOnlyDictionary<string, string>> AfterExchangeAsync(
        OAuthGrant grant,
        OAuthPlace place,
        HttpClient http,
        CancellationToken ct
    )
    {
        var api = Rebase("https://api.atlassian.com/", place.BaseUrl).AbsoluteUri.TrimEnd('/');
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{api}/oauth/token/accessible-resources");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", grant.Fields[AccessTokenField]);
        request.Headers.Accept.ParseAdd("application/json");
        using var response = await http.SendAsync(request, ct);
        if (!response.IsSuccessStatusCode)
            throw new OAuthRequestException($"accessible-resources answered HTTP {(int)response.StatusCode}", "accessible_resources");
        using var sites = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
        var site =
            sites.RootElement.ValueKind == JsonValueKind.Array
                ? sites.RootElement.EnumerateArray().FirstOrDefault(s => HasJiraScope(s) && CloudId(s) is not null)
                : default;
        if (site.ValueKind != JsonValueKind.Object)
            throw new OAuthRequestException("the token reaches no Jira site", "no_jira_site");
        var cloudId = CloudId(site)!;
        return new Dictionary<string, string> { ["url"] = $"{api}/ex/jira/{cloudId}", [OAuthFields.CloudId] = cloudId };
    }

    static bool HasJiraScope(JsonElement site) =>
        !site.TryGetProperty("scopes", out var scopes)
        || scopes.ValueKind != JsonValueKind.Array
        || scopes.EnumerateArray().Any(s => s.GetString()?.EndsWith(":jira-work", StringComparison.Ordinal) == true);

    // A cloud id goes into a URL path: only what Atlassian's ids are made of.
    static string? CloudId(JsonElement site) =>
        site.TryGetProperty("id", out var id)
        && id.GetString() is { Length: > 0 and <= 100 } s
        && s.All(c => char.IsAsciiLetterOrDigit(c) || c == '-')
            ? s
            : null;
}
