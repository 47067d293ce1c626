using System.Reflection;

namespace Mosaic.Server.Auth;

/// <summary>8–128 characters and not one of the most common passwords (docs/architecture.md#http-api, issue rules).</summary>
public static class PasswordPolicy
{
    public const int MinLength = 8;
    public const int MaxLength = 128;

    private static readonly Lazy<HashSet<string>> Common = new(LoadCommon);

    /// <summary>Null when acceptable, otherwise a message for the <c>password</c> field.</summary>
    public static string? Check(string password)
    {
        if (password.Length < MinLength)
            return $"Password must be at least {MinLength} characters.";
        if (password.Length > MaxLength)
            return $"Password must be at most {MaxLength} characters.";
        if (Common.Value.Contains(password))
            return "This password is too common; choose another.";
        return null;
    }

    private static HashSet<string> LoadCommon()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Mosaic.Server.Auth.common-passwords.txt")
            ?? throw new InvalidOperationException("common-passwords.txt is not embedded");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (reader.ReadLine() is { } line)
            if (line.Length > 0 && !line.StartsWith('#'))
                set.Add(line.Trim());
        return set;
    }
}
