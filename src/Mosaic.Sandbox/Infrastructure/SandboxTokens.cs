namespace Mosaic.Sandbox.Infrastructure;

/// <summary>The only credentials the Sandbox accepts (documented in README.md). Anything else gets the real API's 401.</summary>
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
}
