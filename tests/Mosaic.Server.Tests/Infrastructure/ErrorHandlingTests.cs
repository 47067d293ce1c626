using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Mosaic.Server.Connectors.Hub;
using Mosaic.Server.Infrastructure;

namespace Mosaic.Server.Tests.Infrastructure;

/// <summary>Bad input is a 400 ProblemDetails that says what was wrong; never a 500.</summary>
public sealed class ErrorHandlingTests(MosaicAppFactory app) : IClassFixture<MosaicAppFactory>
{
    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    [Theory]
    [InlineData("{\"email\": \"a@b.co\", \"password\": ", null)]
    [InlineData("not json at all", null)]
    [InlineData("{\"email\": 42, \"password\": \"long enough pw\"}", "$.email")]
    [InlineData("{\"email\": \"a@b.co\", \"password\": [1,2]}", "$.password")]
    [InlineData("{\"email\": null, \"password\": \"long enough pw\"}", "$.email")]
    [InlineData("{\"email\": \"a@b.co\"}", "password")]
    [InlineData("[]", null)]
    public async Task Malformed_or_mistyped_signup_bodies_are_400(string body, string? mentions)
    {
        var response = await app.CreateClient().PostAsync("/api/auth/signup", Json(body));
        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        if (mentions is not null)
            Assert.Contains(mentions, problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("{\"email\": {\"x\": 1}, \"password\": \"pw\"}")]
    [InlineData("")]
    public async Task Malformed_login_bodies_are_400(string body)
    {
        var response = await app.CreateClient().PostAsync("/api/auth/login", Json(body));
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("{\"datasource\": \"slack\", \"credentials\": \"xoxb\"}")]
    [InlineData("{\"datasource\": 5, \"credentials\": {}}")]
    [InlineData("{\"datasource\": \"slack\", \"credentials\": {\"bot_token\": {\"nested\": true}}}")]
    [InlineData("{\"datasource\": \"slack\"")]
    public async Task Malformed_credential_bodies_are_400(string body)
    {
        var user = await app.SignUpAndLogInAsync();
        await ProblemAssert.IsProblemAsync(await user.Http.PostAsync("/api/credentials", Json(body)), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Wrong_content_type_is_415_problem()
    {
        var response = await app.CreateClient().PostAsync("/api/auth/login", new StringContent("email=a", Encoding.UTF8, "text/plain"));
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task A_busy_hub_failure_that_reaches_the_exception_handler_is_503_with_retry_after()
    {
        await using var services = new ServiceCollection().AddLogging().AddProblemDetails().BuildServiceProvider();
        var http = new DefaultHttpContext { RequestServices = services };
        http.Response.Body = new MemoryStream();
        var handler = new ProblemExceptionHandler(
            services.GetRequiredService<IProblemDetailsService>(),
            NullLogger<ProblemExceptionHandler>.Instance
        );
        var busy = new McpHubException(McpHubFailure.AtCapacity, "notes", "All busy; try notes again in 5 seconds.")
        {
            RetryAfter = TimeSpan.FromSeconds(5),
        };

        Assert.True(await handler.TryHandleAsync(http, busy, CancellationToken.None));

        Assert.Equal(503, http.Response.StatusCode);
        Assert.Equal("5", http.Response.Headers.RetryAfter.ToString());
        Assert.Contains("try notes again in 5 seconds", Encoding.UTF8.GetString(((MemoryStream)http.Response.Body).ToArray()));
    }

    [Fact]
    public async Task Unknown_api_route_and_wrong_method_are_problems()
    {
        await ProblemAssert.IsProblemAsync(await app.CreateClient().GetAsync("/api/nope"), HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(await app.CreateClient().DeleteAsync("/api/auth/me"), HttpStatusCode.MethodNotAllowed);
    }
}
