using System.Text.Json;

namespace Mosaic.Sandbox.Infrastructure;

/// <summary>The environment each connector needs to talk to a Sandbox at a base URL, keyed by datasource id.</summary>
public static class SandboxEnv
{
    public static string BaseUrlFrom(string[] args)
    {
        var i = Array.IndexOf(args, "--urls");
        var urls =
            i >= 0 && i + 1 < args.Length ? args[i + 1] : Environment.GetEnvironmentVariable("ASPNETCORE_URLS") ?? "http://127.0.0.1:5221";
        return urls.Split(';')[0].TrimEnd('/');
    }

    /// <summary>
    /// Each entry also carries MOSAIC_EGRESS_ALLOW for exactly the Sandbox's (or s3rver's) host:port: both listen on
    /// loopback, which a connector refuses unless allowed. It is not a credential: --demo allows the same in the host.
    /// </summary>
    public static Dictionary<string, Dictionary<string, string>> For(string baseUrl, string sqlitePath, string? s3Url = null)
    {
        var env = Credentials(baseUrl, sqlitePath, s3Url);
        foreach (var (id, variables) in env)
            if (id != "mysql")
                variables[EgressVariable] = AllowEntry(id == "s3" ? variables["AWS_ENDPOINT_URL"] : baseUrl);
        return env;
    }

    public const string EgressVariable = "MOSAIC_EGRESS_ALLOW";

    /// <summary>The egress allow entry for exactly the host and port of <paramref name="url"/>.</summary>
    public static string AllowEntry(string url)
    {
        var uri = new Uri(url);
        return $"{uri.Host}:{uri.Port}";
    }

    static Dictionary<string, Dictionary<string, string>> Credentials(string baseUrl, string sqlitePath, string? s3Url) =>
        new()
        {
            ["github"] = new() { ["GITHUB_TOKEN"] = SandboxTokens.GitHub, ["GITHUB_API_URL"] = $"{baseUrl}/github" },
            ["slack"] = new()
            {
                ["SLACK_BOT_TOKEN"] = SandboxTokens.SlackBot,
                ["SLACK_USER_TOKEN"] = SandboxTokens.SlackUser,
                ["SLACK_API_URL"] = $"{baseUrl}/slack/api",
            },
            ["jira"] = new()
            {
                ["JIRA_URL"] = $"{baseUrl}/jira",
                ["JIRA_EMAIL"] = SandboxTokens.JiraEmail,
                ["JIRA_API_TOKEN"] = SandboxTokens.JiraApiToken,
            },
            ["shopify"] = new() { ["SHOPIFY_SHOP_URL"] = $"{baseUrl}/shopify", ["SHOPIFY_ACCESS_TOKEN"] = SandboxTokens.Shopify },
            ["google_workspace"] = new()
            {
                ["GOOGLE_OAUTH_CLIENT_ID"] = SandboxTokens.GoogleClientId,
                ["GOOGLE_OAUTH_CLIENT_SECRET"] = SandboxTokens.GoogleClientSecret,
                ["GOOGLE_REFRESH_TOKEN"] = SandboxTokens.GoogleRefreshToken,
                ["GOOGLE_API_BASE_URL"] = $"{baseUrl}/google",
            },
            // The connector opens SQLite files only where MOSAIC_SQLITE_DIRS allows: here, the demo data's own directory.
            ["mysql"] = new() { ["SQLITE_PATH"] = sqlitePath, ["MOSAIC_SQLITE_DIRS"] = DemoFiles.Directory },
            // Not a datasource: what the Mosaic server needs to use the Sandbox's OAuth servers (the demo reads it).
            ["oauth"] = OAuth(baseUrl),
            ["s3"] = new()
            {
                ["AWS_ACCESS_KEY_ID"] = "S3RVER",
                ["AWS_SECRET_ACCESS_KEY"] = "S3RVER",
                ["AWS_REGION"] = "us-east-1",
                ["AWS_ENDPOINT_URL"] = s3Url ?? "http://127.0.0.1:4568",
            },
        };

    /// <summary>{PROVIDER}_OAUTH_BASE_URL (scheme+host+path replacing each real host) and the Sandbox's OAuth clients.</summary>
    static Dictionary<string, string> OAuth(string baseUrl)
    {
        (string Provider, string Path, string Id, string Secret)[] apps =
        [
            ("SLACK", "/slack", SandboxTokens.SlackClientId, SandboxTokens.SlackClientSecret),
            ("GITHUB", "/github-oauth", SandboxTokens.GitHubClientId, SandboxTokens.GitHubClientSecret),
            ("GOOGLE", "/google", SandboxTokens.GoogleClientId, SandboxTokens.GoogleClientSecret),
            ("ATLASSIAN", "/atlassian", SandboxTokens.AtlassianClientId, SandboxTokens.AtlassianClientSecret),
            ("SHOPIFY", "/shopify", SandboxTokens.ShopifyClientId, SandboxTokens.ShopifyClientSecret),
        ];
        var env = new Dictionary<string, string>();
        foreach (var (provider, path, id, secret) in apps)
        {
            env[$"{provider}_OAUTH_BASE_URL"] = baseUrl + path;
            env[$"{provider}_OAUTH_CLIENT_ID"] = id;
            env[$"{provider}_OAUTH_CLIENT_SECRET"] = secret;
        }
        return env;
    }

    public static string ToJson(string baseUrl, string[] args, string sqlitePath)
    {
        var i = Array.IndexOf(args, "--s3-url");
        var s3 = i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        return JsonSerializer.Serialize(For(baseUrl, sqlitePath, s3), new JsonSerializerOptions { WriteIndented = true });
    }
}
