using Mosaic.Connectors.Common.Configuration;

namespace Mosaic.Connectors.GitHub;

/// <summary>GITHUB_TOKEN (required) and GITHUB_API_URL (optional: GitHub Enterprise Server or the Sandbox).</summary>
public sealed record GitHubSettings
{
    public static readonly Uri PublicApi = new("https://api.github.com/");

    public required string Token { get; init; }

    /// <summary>The REST API root every request path is resolved against (always ends with '/').</summary>
    public required Uri ApiUrl { get; init; }

    public static GitHubSettings FromEnv(EnvConfig env) =>
        new() { Token = env.Required("GITHUB_TOKEN"), ApiUrl = ApiRoot(env.Url("GITHUB_API_URL")) };

    /// <summary>
    /// GITHUB_API_URL may be the API root itself (https://ghe.example.com/api/v3, http://127.0.0.1:5221/github)
    /// or just a GitHub Enterprise host (https://ghe.example.com), whose API lives under /api/v3/.
    /// github.com and api.github.com both mean the public API.
    /// </summary>
    public static Uri ApiRoot(Uri? configured)
    {
        if (configured is null || configured.Host is "github.com" or "api.github.com")
            return PublicApi;
        var path = configured.AbsolutePath.TrimEnd('/');
        if (path.Length == 0)
            path = "/api/v3";
        return new UriBuilder(configured)
        {
            Path = path + "/",
            Query = "",
            Fragment = "",
        }.Uri;
    }
}
