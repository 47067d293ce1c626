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

    // Member tokens: each fixed token + ".member-<n>" (n = 1..9999) acts exactly like it, but the identity endpoints
    // (auth.test, /user, /myself, shop, Gmail's profile) name the member, so a test with many callers on one shared
    // connector can prove whose token reached the Sandbox.
    private const string MemberMark = ".member-";
    public const int MaxMember = 9999;

    /// <summary>Member <paramref name="n"/>'s variant of a fixed token, e.g. <c>xoxb-sandbox-acme-bot.member-17</c>.</summary>
    public static string Member(string fixedToken, int n) =>
        n is >= 1 and <= MaxMember ? $"{fixedToken}{MemberMark}{n}" : throw new ArgumentOutOfRangeException(nameof(n));

    /// <summary>True when <paramref name="presented"/> is a member token of <paramref name="fixedToken"/>; which one in
    /// <paramref name="member"/>.</summary>
    public static bool TryMember(string? presented, string fixedToken, out int member)
    {
        member = 0;
        if (presented is null || !presented.StartsWith(fixedToken + MemberMark, StringComparison.Ordinal))
            return false;
        var digits = presented.AsSpan(fixedToken.Length + MemberMark.Length);
        if (digits.Length is 0 or > 4 || digits[0] == '0' || !int.TryParse(digits, System.Globalization.NumberStyles.None, null, out var n))
            return false;
        member = n;
        return true;
    }

    /// <summary>The fixed token itself (member 0) or one of its member tokens.</summary>
    public static bool Matches(string? presented, string fixedToken, out int member)
    {
        member = 0;
        return presented == fixedToken || TryMember(presented, fixedToken, out member);
    }

    /// <summary>" (member-17)" for a member, "" for the fixed token: what identity answers add.</summary>
    public static string MemberSuffix(int member) => member > 0 ? $" (member-{member})" : "";
}
