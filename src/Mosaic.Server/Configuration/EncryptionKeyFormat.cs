namespace Mosaic.Server.Configuration;

/// <summary>
/// An encryption key is 32 random bytes written as base64 (standard or URL-safe, so an existing
/// Fernet key from the original deployment is accepted as-is).
/// </summary>
public static class EncryptionKeyFormat
{
    public static string Requirement(string variable) =>
        $"{variable} must be 32 bytes encoded as base64 (generate one with: openssl rand -base64 32).";

    public static bool TryParse(string text, out byte[] key)
    {
        key = [];
        var s = text.Trim().Replace('-', '+').Replace('_', '/');
        s = s.PadRight(s.Length + (4 - s.Length % 4) % 4, '=');
        var buffer = new byte[s.Length];
        if (!Convert.TryFromBase64String(s, buffer, out var written) || written != 32)
            return false;
        key = buffer[..32];
        return true;
    }

    public static IEnumerable<string> SplitList(string? list) =>
        (list ?? "").Split([',', ';', ' ', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
