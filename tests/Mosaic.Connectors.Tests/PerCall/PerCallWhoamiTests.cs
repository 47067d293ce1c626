using System.Text.RegularExpressions;
using Mosaic.Connectors.Tests.Infrastructure;

namespace Mosaic.Connectors.Tests.PerCall;

/// <summary>
/// Per-call credential mode on each SaaS connector: ONE process, two callers with different Sandbox member tokens, and
/// each whoami names its own caller (the Sandbox names the member whose token reached it).
/// </summary>
public sealed class PerCallWhoamiTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>
{
    public static TheoryData<string, string, string[]> Connectors =>
        new()
        {
            { "Slack", "slack", ["SLACK_BOT_TOKEN", "SLACK_USER_TOKEN"] },
            { "Jira", "jira", ["JIRA_API_TOKEN"] },
            { "GitHub", "github", ["GITHUB_TOKEN"] },
            { "Shopify", "shopify", ["SHOPIFY_ACCESS_TOKEN"] },
            { "GoogleWorkspace", "google_workspace", ["GOOGLE_REFRESH_TOKEN"] },
        };

    [Theory]
    [MemberData(nameof(Connectors))]
    public async Task Two_callers_on_one_process_each_get_their_own_identity(string connector, string source, string[] tokens)
    {
        var env = sandbox.EnvFor(source);
        await using var process = await ConnectorProcess.StartAsync(connector, PerCallEnv.ProcessEnv(env));

        foreach (var (first, second) in new[] { (3, 5), (5, 3) })
        {
            var a = (await process.CallAsAsync(Member(env, first, tokens), "whoami")).Ok().GetProperty("identity").GetString();
            var b = (await process.CallAsAsync(Member(env, second, tokens), "whoami")).Ok().GetProperty("identity").GetString();
            Assert.Matches(Names(first), a);
            Assert.DoesNotMatch(Names(second), a);
            Assert.Matches(Names(second), b);
            Assert.DoesNotMatch(Names(first), b);
        }
    }

    /// <summary>"member-3" as the Sandbox writes it: "(member-3)" or "alice+member-3@", never the start of "member-30".</summary>
    internal static Regex Names(int member) => new($@"member-{member}(?!\d)");

    private static Dictionary<string, string> Member(IReadOnlyDictionary<string, string> env, int n, string[] tokens) =>
        PerCallEnv.Member(env, n, tokens);
}
