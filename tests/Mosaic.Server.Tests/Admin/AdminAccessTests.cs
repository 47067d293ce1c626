using System.Net;
using System.Net.Http.Json;

namespace Mosaic.Server.Tests.Admin;

/// <summary>Every /api/admin route: 401 signed out, 403 for a member, and the admin's own answers for bad input.</summary>
public sealed class AdminAccessTests : IAsyncLifetime
{
    private MosaicAppFactory _app = null!;

    public async Task InitializeAsync() => _app = await MosaicAppFactory.StartNewAsync();

    public Task DisposeAsync() => _app.DisposeAsync();

    private static IEnumerable<HttpRequestMessage> Routes(string id) =>
        [
            new(HttpMethod.Get, "/api/admin/users"),
            new(HttpMethod.Patch, $"/api/admin/users/{id}") { Content = JsonContent.Create(new { role = "admin" }) },
            new(HttpMethod.Post, $"/api/admin/users/{id}/unlock"),
            new(HttpMethod.Post, $"/api/admin/users/{id}/sign-out"),
            new(HttpMethod.Delete, $"/api/admin/users/{id}"),
            new(HttpMethod.Post, "/api/admin/invites") { Content = JsonContent.Create(new { role = "admin" }) },
            new(HttpMethod.Get, "/api/admin/invites"),
            new(HttpMethod.Delete, "/api/admin/invites/some-id"),
            new(HttpMethod.Get, "/api/admin/workspace"),
            new(HttpMethod.Patch, "/api/admin/workspace") { Content = JsonContent.Create(new { signup = "open" }) },
        ];

    [Fact]
    public async Task A_member_gets_403_and_a_stranger_401_on_every_admin_route()
    {
        var admin = await _app.SignInAsync();
        var member = await _app.SignInAsync();
        Assert.Equal("admin", await admin.RoleAsync());
        Assert.Equal("member", await member.RoleAsync());

        foreach (var request in Routes(admin.Id))
            await ProblemAssert.IsProblemAsync(await member.Http.SendAsync(request), HttpStatusCode.Forbidden);
        var stranger = _app.CreateClient();
        foreach (var request in Routes(admin.Id))
            await ProblemAssert.IsProblemAsync(await stranger.SendAsync(request), HttpStatusCode.Unauthorized);

        // Nothing changed: the member is still a member, the admin still signed in.
        Assert.Equal("member", await member.RoleAsync());
        Assert.Equal(HttpStatusCode.OK, (await admin.Http.GetAsync("/api/admin/users")).StatusCode);
    }

    [Fact]
    public async Task Unknown_ids_are_404_and_bad_input_400()
    {
        var admin = await _app.SignInAsync();
        await ProblemAssert.IsProblemAsync(
            await admin.Http.PatchJsonAsync("/api/admin/users/nobody", new { role = "admin" }),
            HttpStatusCode.NotFound
        );
        await ProblemAssert.IsProblemAsync(await admin.Http.PostAsync("/api/admin/users/nobody/unlock", null), HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(await admin.Http.PostAsync("/api/admin/users/nobody/sign-out", null), HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(await admin.Http.DeleteAsync("/api/admin/users/nobody"), HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(await admin.Http.DeleteAsync("/api/admin/invites/nothing"), HttpStatusCode.NotFound);

        await ProblemAssert.IsProblemAsync(
            await admin.Http.PatchJsonAsync($"/api/admin/users/{admin.Id}", new { role = "owner" }),
            HttpStatusCode.BadRequest
        );
        await ProblemAssert.IsProblemAsync(
            await admin.Http.PatchJsonAsync($"/api/admin/users/{admin.Id}", new { }),
            HttpStatusCode.BadRequest
        );
        await ProblemAssert.IsProblemAsync(
            await admin.Http.PostAsJsonAsync("/api/admin/invites", new { email = "not an address", role = "member" }),
            HttpStatusCode.BadRequest
        );
        await ProblemAssert.IsProblemAsync(
            await admin.Http.PostAsJsonAsync("/api/admin/invites", new { role = "owner" }),
            HttpStatusCode.BadRequest
        );
        await ProblemAssert.IsProblemAsync(
            await admin.Http.PatchJsonAsync("/api/admin/workspace", new { signup = "everyone" }),
            HttpStatusCode.BadRequest
        );
        var noDomains = await ProblemAssert.IsProblemAsync(
            await admin.Http.PatchJsonAsync("/api/admin/workspace", new { signup = "domain", signup_domains = Array.Empty<string>() }),
            HttpStatusCode.BadRequest
        );
        Assert.Contains("signup_domains", noDomains.GetProperty("errors").EnumerateObject().Select(p => p.Name));
        await ProblemAssert.IsProblemAsync(
            await admin.Http.PatchJsonAsync("/api/admin/workspace", new { signup = "domain", signup_domains = new[] { "https://x/" } }),
            HttpStatusCode.BadRequest
        );
    }
}
