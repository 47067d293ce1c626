using System.Net.Http.Json;
using System.Text.Json;

namespace Mosaic.Server.Tests.Datasources;

/// <summary>The account a connection test found joins the digest's "you": a GitHub login unlike the person's name.</summary>
public sealed class IdentityDigestTests(SourceTestFixture fx) : IClassFixture<SourceTestFixture>
{
    [Fact]
    public async Task A_review_requested_from_the_token_s_login_needs_action_once_the_identity_is_known()
    {
        // "Test User", user-…@example.com: nothing in that name says alice-chen, whose review PR #91 waits for.
        var user = await fx.App.SignUpAndLogInAsync();
        await SourceTestFixture.SaveAsync(user, "github", fx.GitHubFields());

        Assert.False((await ReviewAsync(user, refresh: true)).GetProperty("actionable").GetBoolean());

        var test = await ProblemAssert.JsonAsync(await user.Http.PostAsync("/api/datasources/github/test", null));
        Assert.StartsWith("Alice Chen (@alice-chen) on ", test.GetProperty("identity").GetString());

        // No refresh: storing the identity forgot the digest cached without it.
        var review = await ReviewAsync(user, refresh: false);
        Assert.True(review.GetProperty("actionable").GetBoolean(), review.ToString());
        Assert.Equal("high", review.GetProperty("priority").GetString());
    }

    private static async Task<JsonElement> ReviewAsync(TestUser user, bool refresh)
    {
        var digest = await ProblemAssert.JsonAsync(await user.Http.GetAsync($"/api/digest?hours=72{(refresh ? "&refresh=true" : "")}"));
        var github = digest.GetProperty("sections").EnumerateArray().Single(s => s.GetProperty("source").GetString() == "github");
        Assert.True(github.GetProperty("error").ValueKind == JsonValueKind.Null, github.ToString());
        return github
            .GetProperty("items")
            .EnumerateArray()
            .Single(i =>
                i.GetProperty("kind").GetString() == "review_requested" && i.GetProperty("title").GetString()!.StartsWith("PR #91")
            );
    }
}
