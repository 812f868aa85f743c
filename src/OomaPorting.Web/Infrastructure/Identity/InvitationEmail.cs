using OomaPorting.Web.Infrastructure.Email;

namespace OomaPorting.Web.Infrastructure.Identity;

/// <summary>
/// The e-mail that carries an invitation link: a new single-use link for the person (older ones revoked), through the
/// outbox, saved with the caller's changes. A customer is invited to their company's account; an agent (no company)
/// to the support desk. At most <see cref="SendingLimits.InvitationsPerAddress"/> an hour to one address.
/// </summary>
public static class InvitationEmail
{
    public const string Kind = "UserInvitation";

    public static async Task SendAsync(AppDbContext db, EmailComposer composer, AppUser user, string inviter, string? company, string culture,
        DateTime nowUtc, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(composer);
        ArgumentNullException.ThrowIfNull(user);
        var since = nowUtc - SendingLimits.Window;
        SendingLimits.Check(await db.OutboxMessages.IgnoreQueryFilters().CountAsync(m => m.Kind == Kind && m.Recipient == user.Email && m.CreatedAtUtc > since, ct),
            SendingLimits.InvitationsPerAddress, "Invitation.TooMany");
        var token = await Invitations.IssueAsync(db, user.Id, nowUtc, ct);
        var content = composer.InCulture(culture, t => new EmailContent(
            company is null ? t["Email.AgentInvitation.Subject", inviter].Value : t["Email.UserInvitation.Subject", inviter, company].Value,
            t["Email.UserInvitation.Heading", user.DisplayName].Value,
            [company is null ? t["Email.AgentInvitation.Body", inviter].Value : t["Email.UserInvitation.Body", inviter, company].Value,
                t["Email.UserInvitation.Expires", Display.Date(DateOnly.FromDateTime(nowUtc + Invitations.Lifetime))].Value],
            [], $"{composer.PortalUrl}{Invitations.Path}{token}", t["Email.UserInvitation.Link"].Value));
        Outbox.Add(db, composer, nowUtc, Kind, user.AccountId, null, user.Email!, culture, content, []);
    }
}
