using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Mosaic.Server.Configuration;

/// <summary>
/// The JWT signing key and the credential encryption keys. Configured values win; in development a
/// missing key is generated once into <c>MOSAIC_DATA_DIR/secrets</c> (mode 0600) so restarts keep
/// sessions and can still decrypt. Production refuses to start without them (see the validator).
/// </summary>
public sealed class MosaicSecrets
{
    public MosaicSecrets(IOptions<MosaicSettings> options)
    {
        var s = options.Value;
        var dir = Path.Combine(s.FullDataDir, "secrets");

        JwtSigningKey = !string.IsNullOrWhiteSpace(s.JwtSecretKey)
            ? Encoding.UTF8.GetBytes(s.JwtSecretKey)
            : Convert.FromBase64String(ReadOrCreate(dir, "jwt.key", s));

        var fileKeyPath = Path.Combine(dir, "encryption.key");
        var current = !string.IsNullOrWhiteSpace(s.EncryptionKey) ? s.EncryptionKey : ReadOrCreate(dir, "encryption.key", s);
        EncryptionKeyFormat.TryParse(current, out var currentKey);
        CurrentEncryptionKey = currentKey;

        var previous = EncryptionKeyFormat.SplitList(s.EncryptionKeysPrevious).ToList();
        // A generated development key stays readable after an operator configures ENCRYPTION_KEY,
        // so `rotate-encryption-key` can move those rows to the configured key.
        if (!string.IsNullOrWhiteSpace(s.EncryptionKey) && File.Exists(fileKeyPath))
            previous.Add(File.ReadAllText(fileKeyPath).Trim());
        PreviousEncryptionKeys = previous
            .Select(k => EncryptionKeyFormat.TryParse(k, out var bytes) ? bytes : null)
            .OfType<byte[]>()
            .ToList();
    }

    public byte[] JwtSigningKey { get; }
    public byte[] CurrentEncryptionKey { get; }
    public IReadOnlyList<byte[]> PreviousEncryptionKeys { get; }

    private static string ReadOrCreate(string dir, string file, MosaicSettings s)
    {
        var path = Path.Combine(dir, file);
        if (File.Exists(path))
            return File.ReadAllText(path).Trim();
        if (s.IsProduction)
            throw new InvalidOperationException($"{file} is missing and ENVIRONMENT=production: configure the key explicitly.");

        Directory.CreateDirectory(dir);
        var value = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        try
        {
            var mode = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
                mode.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            using var writer = new StreamWriter(path, Encoding.ASCII, mode);
            writer.Write(value);
            return value;
        }
        catch (IOException) when (File.Exists(path))
        {
            return File.ReadAllText(path).Trim(); // another process created it first
        }
    }
}
