using System.Text.Json;

namespace Mosaic.Sandbox.Infrastructure;

/// <summary>The environment each connector needs to talk to a Sandbox at a base URL, keyed by datasource id.</summary>
public static class SandboxEnv
{
    public static string BaseUrlFrom(string[] args)
    {
        var i = Array.IndexOf(args, "--urls");
        var urls = i >= 0 && i + 1 < args.Length ? args[i + 1] : Environment.GetEnvironmentVariable("ASPNETCORE_URLS") ?? "http://127.0.0.1:5221";
        return urls.Split(';')[0].TrimEnd('/');
    }

    public static Dictionary<string, Dictionary<string, string>> For(string baseUrl, string sqlitePath, string? s3Url = null) => new()
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
        ["mysql"] = new() { ["SQLITE_PATH"] = sqlitePath },
        ["s3"] = new()
        {
            ["AWS_ACCESS_KEY_ID"] = "S3RVER",
            ["AWS_SECRET_ACCESS_KEY"] = "S3RVER",
            ["AWS_REGION"] = "us-east-1",
            ["AWS_ENDPOINT_URL"] = s3Url ?? "http://127.0.0.1:4568",
        },
    };

    public static string ToJson(string baseUrl, string[] args, string sqlitePath)
    {
        var i = Array.IndexOf(args, "--s3-url");
        var s3 = i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        return JsonSerializer.Serialize(For(baseUrl, sqlitePath, s3), new JsonSerializerOptions { WriteIndented = true });
    }
}
