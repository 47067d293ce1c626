using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Mosaic.Server.Data;

namespace Mosaic.Server.Tests.Admin;

/// <summary>Shortcuts for the people tests: sign-ups with an invitation, the signed-in admin, the audit rows.</summary>
public static class PeopleTestSupport
{
    public const string Password = "correct horse battery staple";

    public static Task<HttpResponseMessage> JoinAsync(this BrowserClient browser, string email, string? invite) =>
        browser.Http.PostAsJsonAsync(
            "/api/auth/signup",
            new
            {
                email,
                password = Password,
                name = "Invited",
                invite,
            }
        );

    /// <summary>A signed-up, signed-in user whose client holds a fresh XSRF token (as the UI gets from /me).</summary>
    public static async Task<TestUser> SignInAsync(this MosaicAppFactory app, string? email = null)
    {
        var user = await app.SignUpAndLogInAsync(email);
        (await user.Http.GetAsync("/api/auth/me")).EnsureSuccessStatusCode();
        return user;
    }

    public static async Task<string> RoleAsync(this TestUser user) =>
        (await ProblemAssert.JsonAsync(await user.Http.GetAsync("/api/auth/me"))).GetProperty("role").GetString()!;

    /// <summary>Creates an invitation as <paramref name="admin"/> and returns its token and id.</summary>
    public static async Task<(string Token, string Id)> InviteAsync(this TestUser admin, string? email = null, string role = "member")
    {
        var body = await ProblemAssert.JsonAsync(
            await admin.Http.PostAsJsonAsync("/api/admin/invites", new { email, role }),
            System.Net.HttpStatusCode.Created
        );
        var url = new Uri(body.GetProperty("url").GetString()!);
        return (url.Query["?invite=".Length..], body.GetProperty("id").GetString()!);
    }

    public static Task<HttpResponseMessage> PatchJsonAsync(this HttpClient http, string url, object body) =>
        http.PatchAsync(url, JsonContent.Create(body));

    public static async Task<List<AuditEntry>> AuditAsync(this MosaicAppFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MosaicDbContext>();
        return await db.AuditLog.AsNoTracking().OrderBy(a => a.Id).ToListAsync();
    }

    public static async Task<T> DbAsync<T>(this MosaicAppFactory app, Func<MosaicDbContext, Task<T>> query)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<MosaicDbContext>());
    }

    public static JsonElement User(this JsonElement users, string id) =>
        users.GetProperty("users").EnumerateArray().Single(u => u.GetProperty("id").GetString() == id);
}

/// <summary>A connectors.json with one custom source, "everything" (the MCP reference server), that takes a token.</summary>
public static class EverythingSource
{
    public static string ConnectorsFile()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("mosaic-people-cf").FullName, "connectors.json");
        File.WriteAllText(
            path,
            $$"""
            { "sources": [ { "id": "everything", "name": "Everything", "description": "Reference MCP server",
                "command": {{JsonSerializer.Serialize(Hub.TestTools.Everything)}}, "args": ["stdio"],
                "credentials": [ { "name": "token", "label": "Token", "type": "password", "required": true,
                  "env_var": "EVERYTHING_TOKEN" } ] } ] }
            """
        );
        return path;
    }

    public static async Task SaveTokenAsync(this TestUser user) =>
        Assert.Equal(
            System.Net.HttpStatusCode.OK,
            (
                await user.Http.PostAsJsonAsync("/api/credentials", new { datasource = "everything", credentials = new { token = "t-1" } })
            ).StatusCode
        );
}
