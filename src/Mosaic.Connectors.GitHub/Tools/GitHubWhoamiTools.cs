using System.ComponentModel;
using System.Text.Json.Nodes;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Mosaic.Connectors.Common.Results;
using Octokit;

namespace Mosaic.Connectors.GitHub.Tools;

/// <summary>Who the token belongs to (GET /user): the connection test, and the login the digest knows the user by.</summary>
[McpServerToolType]
public sealed class GitHubWhoamiTools(GitHubRestClient github, GitHubSettings settings)
{
    [McpServerTool(Name = Whoami.ToolName, ReadOnly = true, Idempotent = true, OpenWorld = true)]
    [Description(
        "Who this GitHub token acts as: login, name, e-mail and company, and which GitHub it reaches. Use it to check the connection."
    )]
    public Task<CallToolResult> WhoamiAsync(CancellationToken cancellationToken = default) =>
        Whoami.RunAsync(async () =>
        {
            var user = await github.GetAsync<User>("user", "The token's user", cancellationToken);
            var host = settings.ApiUrl == GitHubSettings.PublicApi ? "github.com" : settings.ApiUrl.Authority;
            var name = string.IsNullOrWhiteSpace(user.Name) ? null : user.Name;
            var identity = name is null ? $"@{user.Login} on {host}" : $"{name} (@{user.Login}) on {host}";
            return Whoami.Result(
                identity,
                user.Login,
                new JsonObject
                {
                    ["login"] = user.Login,
                    ["name"] = name,
                    ["email"] = string.IsNullOrWhiteSpace(user.Email) ? null : user.Email,
                    ["company"] = string.IsNullOrWhiteSpace(user.Company) ? null : user.Company,
                    ["html_url"] = user.HtmlUrl,
                    ["host"] = host,
                }
            );
        });
}
