using Microsoft.EntityFrameworkCore;
using Mosaic.Server.Data;

namespace Mosaic.Server.Admin;

public abstract record JoinDecision
{
    /// <param name="How">How the person got in, for the audit log: open, domain, invite, admin_email, first_account.</param>
    public sealed record Allowed(string Role, string How, Invite? Invite) : JoinDecision;

    public sealed record Refused(string Detail) : JoinDecision;
}

/// <summary>
/// Decides whether an address may create an account. It runs before anything looks for an existing account, and
/// its answer depends only on the mode, the address's domain and the invitation: a refused person learns nothing
/// about which addresses are registered.
/// </summary>
public sealed class SignupGate(SignupPolicyStore policies, InviteStore invites, PeopleSettings people, MosaicDbContext db)
{
    public const string InviteOnly = "Sign-up on this workspace is by invitation: ask an admin for an invitation link.";
    public const string DomainOnly =
        "Sign-up on this workspace is open to addresses at its approved domains only; anyone else needs an invitation from an admin.";
    public const string UnusableInvite =
        "This invitation link cannot be used: it is unknown, already used, expired or revoked; ask an admin for a new one.";
    public const string OtherAddress = "This invitation is for another email address: sign up with the address it was sent to.";

    /// <param name="email">Normalized and valid.</param>
    public async Task<JoinDecision> DecideAsync(string email, string? inviteToken, CancellationToken ct)
    {
        var listedAdmin = people.AdminEmailSet.Contains(email);
        if (!string.IsNullOrWhiteSpace(inviteToken))
        {
            // A link that was sent is honoured in every mode: the admin who made it already said yes.
            if (await invites.FindUsableAsync(inviteToken, ct) is not { } invite)
                return new JoinDecision.Refused(UnusableInvite);
            if (invite.Email is { } bound && bound != email)
                return new JoinDecision.Refused(OtherAddress);
            return new JoinDecision.Allowed(listedAdmin ? UserRoles.Admin : invite.Role, "invite", invite);
        }
        if (listedAdmin)
            return new JoinDecision.Allowed(UserRoles.Admin, "admin_email", null);

        var policy = await policies.GetAsync(ct);
        if (policy.Mode == SignupModes.Open)
            return new JoinDecision.Allowed(UserRoles.Member, SignupModes.Open, null);
        if (policy.Mode == SignupModes.Domain && policy.Domains.Contains(SignupDomainNames.Of(email)))
            return new JoinDecision.Allowed(UserRoles.Member, SignupModes.Domain, null);
        // An empty workspace has no admin to invite anyone: its first account may always be created (and becomes
        // the admin). When the operator named the admins, only they may be first.
        if (people.AdminEmailSet.Count == 0 && !await db.Users.AnyAsync(ct))
            return new JoinDecision.Allowed(UserRoles.Member, "first_account", null);
        return new JoinDecision.Refused(policy.Mode == SignupModes.Domain ? DomainOnly : InviteOnly);
    }
}
