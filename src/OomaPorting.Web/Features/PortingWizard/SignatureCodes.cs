using OomaPorting.Web.Infrastructure.Email;

namespace OomaPorting.Web.Features.PortingWizard;

/// <summary>
/// Sending a signature code: a new code for the signer (within the domain's limits), e-mailed through the outbox and
/// written to the audit trail, all saved with the caller's changes.
/// </summary>
public static class SignatureCodes
{
    public const string EmailKind = "SignatureCode";

    /// <summary>
    /// Signing posted: a new code, unless one was sent moments ago and is still open, which then carries this signature
    /// instead (a double click sends one e-mail, not two, and no "wait a minute").
    /// </summary>
    public static async Task SendOrCarryAsync(AppDbContext db, EmailComposer composer, PortRequest r, int requestVersion, Actor actor, string email,
        string pendingSignature, DateTime now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var latest = await ConfirmSignature.LatestAsync(db, r.Id, actor.UserId, ct);
        if (latest is not null && latest.CanCarryAgain(now))
        {
            latest.CarryAgain(pendingSignature, requestVersion, now);
            return;
        }

        await SendAsync(db, composer, r, requestVersion, actor, email, pendingSignature, now, ct);
    }

    /// <param name="requestVersion">The version of the request as signed: a confirmation is refused once it changed.</param>
    public static async Task SendAsync(AppDbContext db, EmailComposer composer, PortRequest r, int requestVersion, Actor actor, string email,
        string pendingSignature, DateTime now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(composer);
        ArgumentNullException.ThrowIfNull(r);
        ArgumentNullException.ThrowIfNull(actor);
        var since = now.AddHours(-1);
        var previous = await db.SignatureCodes.Where(c => c.PortRequestId == r.Id && c.UserId == actor.UserId && c.SentAtUtc > since)
            .Select(c => c.SentAtUtc).ToListAsync(ct);
        var (code, clear) = SignatureCode.Issue(r, requestVersion, actor.UserId, email, pendingSignature, previous, now);
        db.SignatureCodes.Add(code);

        var culture = System.Globalization.CultureInfo.CurrentUICulture.Name.StartsWith("en", StringComparison.Ordinal) ? "en" : "fr-FR";
        var grouped = $"{clear[..3]} {clear[3..]}";
        var content = composer.InCulture(culture, t => new EmailContent(
            t["Email.SignatureCode.Subject"].Value,
            t["Email.SignatureCode.Heading", grouped].Value,
            [t["Email.SignatureCode.Body", SignatureCode.ValidMinutes].Value, t["Email.SignatureCode.NotYou"].Value],
            [], null, null));
        Outbox.Add(db, composer, now, EmailKind, r, email, culture, content, []);
        Audit.Record(db, actor, now, AuditActions.SignatureCodeSent, r.AccountId, actor.UserId,
            AuditDetails.Of("SignatureCodeSent", AuditDetails.Text(Subject(r)), AuditDetails.Text(email)));
    }

    /// <summary>How the audit trail names the request: its reference once it has one, else the draft's id.</summary>
    public static string Subject(PortRequest r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return r.Reference ?? r.Id.ToString();
    }

    /// <summary>The address as the page shows it: <c>m•••@boulangerie-martin.fr</c>.</summary>
    public static string Masked(string email)
    {
        ArgumentNullException.ThrowIfNull(email);
        var at = email.IndexOf('@', StringComparison.Ordinal);
        return at <= 1 ? email : $"{email[0]}•••{email[at..]}";
    }
}
