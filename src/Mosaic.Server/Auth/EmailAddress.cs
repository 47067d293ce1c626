using System.Net.Mail;

namespace Mosaic.Server.Auth;

public static class EmailAddress
{
    /// <summary>Trimmed and lower-cased, so one mailbox is one account whatever the capitalization.</summary>
    public static string Normalize(string email) => email.Trim().ToLowerInvariant();

    public static string? Check(string normalized)
    {
        if (normalized.Length is 0)
            return "Email is required.";
        if (normalized.Length > 255)
            return "Email must be at most 255 characters.";
        var ok =
            MailAddress.TryCreate(normalized, out var parsed)
            && parsed.Address == normalized
            && normalized.Contains('.', StringComparison.Ordinal);
        return ok ? null : "Email is not a valid address.";
    }
}
