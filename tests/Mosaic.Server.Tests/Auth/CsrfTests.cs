using System.Net;
using System.Net.Http.Json;

namespace Mosaic.Server.Tests.Auth;

public sealed class CsrfTests(MosaicAppFactory app) : IClassFixture<MosaicAppFactory>
{
    private static readonly object S3 = new
    {
        datasource = "s3",
        credentials = new { aws_access_key_id = "AKIAEXAMPLE", aws_secret_access_key = "s3cr3t-value" },
    };

    [Fact]
    public async Task A_state_changing_request_without_the_header_is_refused()
    {
        var user = await app.SignUpAndLogInAsync();
        var bare = app.CreateBrowser(sendXsrfHeader: false);
        await bare.LoginAsync(user.Email, user.Password); // signup and login need no token

        var refused = await ProblemAssert.IsProblemAsync(await bare.Http.PostAsJsonAsync("/api/credentials", S3), HttpStatusCode.Forbidden);
        Assert.Contains("X-XSRF-TOKEN", refused.GetProperty("detail").GetString());
        await ProblemAssert.IsProblemAsync(await bare.Http.PostAsync("/api/auth/logout", null), HttpStatusCode.Forbidden);

        // Reads need no token; and nothing was saved.
        var status = await ProblemAssert.JsonAsync(await bare.Http.GetAsync("/api/credentials/s3/status"));
        Assert.False(status.GetProperty("configured").GetBoolean());
    }

    [Fact]
    public async Task A_wrong_token_is_refused_and_the_right_one_accepted()
    {
        var user = await app.SignUpAndLogInAsync();
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/credentials") { Content = JsonContent.Create(S3) };
        var bare = app.CreateBrowser(sendXsrfHeader: false);
        await bare.LoginAsync(user.Email, user.Password);
        request.Headers.Add("X-XSRF-TOKEN", "not-the-token");
        await ProblemAssert.IsProblemAsync(await bare.Http.SendAsync(request), HttpStatusCode.Forbidden);

        Assert.Equal(HttpStatusCode.OK, (await user.Http.PostAsJsonAsync("/api/credentials", S3)).StatusCode);
    }

    [Fact]
    public async Task Another_users_token_does_not_work()
    {
        var alice = await app.SignUpAndLogInAsync();
        var bob = await app.SignUpAndLogInAsync();
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/credentials") { Content = JsonContent.Create(S3) };
        request.Headers.Add("X-XSRF-TOKEN", alice.Browser.Cookie("XSRF-TOKEN")!);
        var bobBare = app.CreateBrowser(sendXsrfHeader: false);
        await bobBare.LoginAsync(bob.Email, bob.Password);
        await ProblemAssert.IsProblemAsync(await bobBare.Http.SendAsync(request), HttpStatusCode.Forbidden);
    }
}
