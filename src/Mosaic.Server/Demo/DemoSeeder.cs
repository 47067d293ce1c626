using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Mosaic.Server.Auth;
using Mosaic.Server.Configuration;
using Mosaic.Server.Data;

namespace Mosaic.Server.Demo;

/// <summary>
/// --demo: makes sure the account demo@mosaic.local exists, named after Alice Chen, the Acme engineering manager
/// whose tokens the Sandbox accepts (so mentions and review requests in the demo are hers). Its password is MOSAIC_DEMO_PASSWORD,
/// else one generated on first use and kept in MOSAIC_DATA_DIR/secrets/demo-password (0600) so
/// every demo start can print it. Its datasources come from <see cref="DemoEnvironment"/>.
/// </summary>
public sealed class DemoSeeder(
    MosaicDbContext db,
    IPasswordHasher hasher,
    IOptions<MosaicSettings> options,
    IConfiguration config,
    TimeProvider time
)
{
    public const string Email = "demo@mosaic.local";

    public async Task<string> SeedAsync(CancellationToken ct)
    {
        var configured = config["MOSAIC_DEMO_PASSWORD"];
        var password = string.IsNullOrEmpty(configured) ? StoredOrNewPassword() : configured;
        var now = time.GetUtcNow().UtcDateTime;
        var user = await db.Users.FirstOrDefaultAsync(u => u.Email == Email, ct);
        if (user is null)
            db.Users.Add(
                new User
                {
                    Email = Email,
                    Name = "Alice Chen",
                    PasswordHash = hasher.Hash(password),
                    Role = UserRoles.Admin, // the demo shows the admin pages too
                    CreatedAt = now,
                    UpdatedAt = now,
                }
            );
        else if (user.Role != UserRoles.Admin)
            user.Role = UserRoles.Admin; // a demo data dir from before roles
        if (user is not null && !hasher.Verify(password, user.PasswordHash))
        {
            user.PasswordHash = hasher.Hash(password); // MOSAIC_DEMO_PASSWORD changed since last time
            user.UpdatedAt = now;
            user.FailedLoginAttempts = 0;
            user.LockedUntil = null;
        }
        await db.SaveChangesAsync(ct);
        return password;
    }

    private string StoredOrNewPassword()
    {
        var dir = Path.Combine(options.Value.FullDataDir, "secrets");
        var path = Path.Combine(dir, "demo-password");
        if (File.Exists(path))
            return File.ReadAllText(path).Trim();
        Directory.CreateDirectory(dir);
        const string alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        var password = RandomNumberGenerator.GetString(alphabet, 16);
        var mode = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
            mode.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using (var w = new StreamWriter(path, Encoding.ASCII, mode))
            w.Write(password);
        return password;
    }
}

public static class DemoExtensions
{
    public static WebApplicationBuilder AddDemo(this WebApplicationBuilder builder, bool demo)
    {
        builder.Services.AddScoped<DemoSeeder>();
        builder.Services.AddSingleton<DemoEnvironment>();
        if (demo)
            builder.AddDemoWiki(); // the Sandbox's OAuth-protected Acme Wiki as a custom source with "auth": "oauth"
        if (DemoClock.FromConfiguration(builder.Configuration, demo) is { } clock)
            builder.Services.Replace(ServiceDescriptor.Singleton(clock));
        return builder;
    }

    /// <summary>
    /// Seeds the demo account, starts the demo's sources (Sandbox, s3rver) and gives the account credentials
    /// for all of them, and prints how to sign in once the server listens. The children stop with the server.
    /// </summary>
    public static async Task SeedDemoAsync(this WebApplication app, bool demo)
    {
        if (!demo)
            return;
        var stopping = app.Lifetime.ApplicationStopping;
        string password,
            userId;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            password = await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(stopping);
            userId = await scope
                .ServiceProvider.GetRequiredService<MosaicDbContext>()
                .Users.Where(u => u.Email == DemoSeeder.Email)
                .Select(u => u.Id)
                .SingleAsync(stopping);
        }
        var environment = app.Services.GetRequiredService<DemoEnvironment>();
        app.Lifetime.ApplicationStopping.Register(() => environment.DisposeAsync().AsTask().GetAwaiter().GetResult());
        Console.WriteLine("  Starting the demo's sources (Sandbox, s3rver)…");
        var status = await environment.StartAsync(userId, stopping);
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var urls = string.Join(", ", app.Urls);
            Console.WriteLine();
            Console.WriteLine($"  Mosaic demo is running at {urls}");
            Console.WriteLine($"  Sign in as {DemoSeeder.Email} with password: {password}");
            Console.WriteLine(
                $"  Demo sources: {string.Join(", ", status.Sources)} (Sandbox at "
                    + $"{status.SandboxUrl}{(status.S3Url is null ? "" : $", s3rver at {status.S3Url}")})"
            );
            if (status.S3Note is not null)
                Console.WriteLine($"  {status.S3Note}");
            var time = app.Services.GetRequiredService<TimeProvider>();
            if (DemoClock.SandboxArgument(time) is not null)
                Console.WriteLine($"  Demo clock: {time.GetUtcNow():yyyy-MM-dd HH:mm} UTC ({DemoClock.Setting})");
            Console.WriteLine("  Try: \"What is going on with the checkout double-charge bug?\" in All sources.");
            Console.WriteLine();
        });
    }
}
