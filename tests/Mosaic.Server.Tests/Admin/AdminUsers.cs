using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Mosaic.Server.Data;
using Mosaic.Server.Tests.Chat.Support;

namespace Mosaic.Server.Tests.Admin;

public static class AdminUsers
{
    /// <summary>A signed-in user made admin in the database (the role is read from there on every request).</summary>
    public static async Task<TestUser> SignInAdminAsync(this MosaicAppFactory app)
    {
        var user = await app.SignInAsync();
        using var scope = app.Services.CreateScope();
        await scope
            .ServiceProvider.GetRequiredService<MosaicDbContext>()
            .Users.Where(u => u.Id == user.Id)
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.Role, UserRoles.Admin));
        return user;
    }

    public static async Task<System.Text.Json.JsonElement> PatchSourceAsync(this TestUser admin, string id, object body) =>
        await ProblemAssert.JsonAsync(await admin.Http.PatchAsJsonAsync($"/api/admin/sources/{id}", body));

    public static async Task SaveSharedAsync(this TestUser admin, string id, object credentials) =>
        await ProblemAssert.JsonAsync(await admin.Http.PutAsJsonAsync($"/api/admin/sources/{id}/credentials", new { credentials }));

    /// <summary>The member's view of one source in GET /api/datasources, or null when it is not listed.</summary>
    public static async Task<System.Text.Json.JsonElement?> DatasourceAsync(this TestUser user, string id)
    {
        var list = await ProblemAssert.JsonAsync(await user.Http.GetAsync("/api/datasources"));
        return list.EnumerateArray()
            .Where(s => s.GetProperty("id").GetString() == id)
            .Cast<System.Text.Json.JsonElement?>()
            .FirstOrDefault();
    }

    public static string[] FieldNames(System.Text.Json.JsonElement source) =>
        [.. source.GetProperty("credential_fields").EnumerateArray().Select(f => f.GetProperty("name").GetString()!)];
}
