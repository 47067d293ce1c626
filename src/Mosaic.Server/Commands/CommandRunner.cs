using System.Security.Cryptography;
using Mosaic.Server.Credentials;

namespace Mosaic.Server.Commands;

public static class CommandRunner
{
    /// <summary>Prints a fresh key for ENCRYPTION_KEY (or JWT_SECRET_KEY); needs no configuration.</summary>
    public static Task<int> GenerateKeyAsync()
    {
        Console.WriteLine(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        return Task.FromResult(0);
    }

    /// <summary>Runs a one-shot command against the configured database; the web server does not start.</summary>
    public static async Task<int> RunCommandAsync(this WebApplication app, string command)
    {
        switch (command)
        {
            case "rotate-encryption-key":
                await using (var scope = app.Services.CreateAsyncScope())
                {
                    var rotator = scope.ServiceProvider.GetRequiredService<EncryptionKeyRotator>();
                    var encryptor = scope.ServiceProvider.GetRequiredService<CredentialEncryptor>();
                    var result = await rotator.RotateAsync(CancellationToken.None);
                    Console.WriteLine(
                        $"Re-encrypted {result.Rotated} of {result.Total} credential rows under key {encryptor.CurrentKeyId} "
                            + $"({result.AlreadyCurrent} were already current)."
                    );
                    foreach (var failure in result.Failures)
                        Console.Error.WriteLine($"  not rotated: {failure}");
                    if (result.Failures.Count > 0)
                    {
                        Console.Error.WriteLine(
                            "Some rows could not be decrypted: add their key to ENCRYPTION_KEYS_PREVIOUS and run again."
                        );
                        return 2;
                    }
                    Console.WriteLine("Done. ENCRYPTION_KEYS_PREVIOUS can now be emptied.");
                    return 0;
                }
            default:
                Console.Error.WriteLine($"Unknown command '{command}'.");
                return 64;
        }
    }
}
