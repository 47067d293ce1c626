using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using Mosaic.Server.Auth;
using Mosaic.Server.Configuration;

namespace Mosaic.Server.Admin;

/// <summary>The ways a person may create an account (<c>MOSAIC_SIGNUP</c>, or the workspace setting that overrides it).</summary>
public static class SignupModes
{
    public const string Open = "open";
    public const string Invite = "invite";
    public const string Domain = "domain";

    public static readonly string[] All = [Open, Invite, Domain];

    public static bool IsValid(string? mode) => mode is Open or Invite or Domain;
}

/// <summary>Who administers the workspace and who may join it (docs/configuration.md#people-and-sign-up).</summary>
public sealed record PeopleSettings
{
    /// <summary>Comma-separated addresses that are admins whatever else happens (an operator's word beats an admin's).</summary>
    [ConfigurationKeyName("MOSAIC_ADMIN_EMAILS")]
    public string? AdminEmails { get; init; }

    /// <summary>open, invite or domain; unset means open in development and invite elsewhere.</summary>
    [ConfigurationKeyName("MOSAIC_SIGNUP"), OneOf(SignupModes.Open, SignupModes.Invite, SignupModes.Domain)]
    public string? Signup { get; init; }

    [ConfigurationKeyName("MOSAIC_SIGNUP_DOMAINS")]
    public string? SignupDomains { get; init; }

    [ConfigurationKeyName("MOSAIC_INVITE_DAYS"), Range(1, 90)]
    public int InviteDays { get; init; } = 7;

    public TimeSpan InviteLifetime => TimeSpan.FromDays(InviteDays);

    public IReadOnlySet<string> AdminEmailSet => Split(AdminEmails).Select(EmailAddress.Normalize).ToHashSet(StringComparer.Ordinal);

    public IReadOnlyList<string> SignupDomainList => [.. Split(SignupDomains).Select(SignupDomainNames.Normalize).Distinct()];

    /// <summary>The environment's mode: an open door is a development convenience, never a deployment's default.</summary>
    public string SignupMode(MosaicSettings mosaic) =>
        string.IsNullOrWhiteSpace(Signup)
            ? (mosaic.IsDevelopment ? SignupModes.Open : SignupModes.Invite)
            : Signup.Trim().ToLowerInvariant();

    static IEnumerable<string> Split(string? list) =>
        (list ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary>Domain names as the sign-up check compares them: lower case, without a leading <c>@</c>.</summary>
public static class SignupDomainNames
{
    public static string Normalize(string domain) => domain.Trim().TrimStart('@').ToLowerInvariant();

    /// <summary>A host name with at least one dot (acme.com, eu.acme.co.uk); no scheme, port, path or wildcard.</summary>
    public static bool IsValid(string domain) =>
        domain.Length is > 2 and <= 253
        && domain.Contains('.', StringComparison.Ordinal)
        && Uri.CheckHostName(domain) == UriHostNameType.Dns
        && domain.Split('.').All(label => label.Length is > 0 and <= 63);

    /// <summary>The part after the @ of a normalized address.</summary>
    public static string Of(string email) => email[(email.LastIndexOf('@') + 1)..];
}

/// <summary>The rules that span variables; each message names the variable to fix.</summary>
internal sealed class PeopleSettingsValidator(IOptions<MosaicSettings> mosaic) : IValidateOptions<PeopleSettings>
{
    public ValidateOptionsResult Validate(string? name, PeopleSettings s)
    {
        var errors = new List<string>();
        foreach (var email in s.AdminEmailSet.Where(e => EmailAddress.Check(e) is not null))
            errors.Add($"MOSAIC_ADMIN_EMAILS entries must be email addresses (got '{email}').");
        foreach (var domain in s.SignupDomainList.Where(d => !SignupDomainNames.IsValid(d)))
            errors.Add($"MOSAIC_SIGNUP_DOMAINS entries must be domain names like acme.com (got '{domain}').");
        if (SignupModes.IsValid(s.Signup?.Trim().ToLowerInvariant()) && s.SignupMode(mosaic.Value) == SignupModes.Domain)
            if (s.SignupDomainList.Count == 0)
                errors.Add("MOSAIC_SIGNUP=domain needs MOSAIC_SIGNUP_DOMAINS: the domains whose addresses may sign up (e.g. acme.com).");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
