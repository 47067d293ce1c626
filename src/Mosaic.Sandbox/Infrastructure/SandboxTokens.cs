namespace Mosaic.Sandbox.Infrastructure;

/// <summary>
/// The fixed credentials the Sandbox accepts, and the OAuth clients of its simulated authorization servers (documented in
/// README.md). Besides these, only access tokens those servers issued are accepted; anything else gets the real API's 401.
/// </summary>
public static class SandboxTokens
{
    public const string GitHub = "ghp_sandboxAcme0000000000000000000000";
    public const string SlackBot = "xoxb-sandbox-acme-bot";
    public const string SlackUser = "xoxp-sandbox-acme-user";
    public const string JiraEmail = "alice@acme.test";
    public const string JiraApiToken = "jira-sandbox-token";
    public const string JiraPat = "jira-sandbox-pat";
    public const string Shopify = "shpat_sandbox_acme";
    public const string GoogleClientId = "sandbox-client-id.apps.googleusercontent.com";
    public const string GoogleClientSecret = "sandbox-client-secret";
    public const string GoogleRefreshToken = "sandbox-refresh-token";

    // OAuth clients (Google's is the one above). Their redirect URIs: any loopback http(s) URL of /api/oauth/{source}/callback.
    public const string SlackClientId = "1111111111.2222222222";
    public const string SlackClientSecret = "sandbox-slack-client-secret";
    public const string GitHubClientId = "Iv1.sandboxacme00001";
    public const string GitHubClientSecret = "sandbox-github-client-secret";
    public const string AtlassianClientId = "sandbox-atlassian-client-id";
    public const string AtlassianClientSecret = "sandbox-atlassian-client-secret";
    public const string ShopifyClientId = "sandbox-shopify-client-id";
    public const string ShopifyClientSecret = "sandbox-shopify-client-secret";
}
