using System.ComponentModel.DataAnnotations;

namespace OomaPorting.Web.Infrastructure.Settings;

/// <summary>The <c>Retention</c> section: how long the portal keeps what nobody needs any more.</summary>
public sealed class RetentionOptions
{
    public const string Section = "Retention";

    /// <summary>
    /// A draft untouched for this many days is deleted with its numbers and history. It expired (could no longer be
    /// resumed) after <see cref="PortRequest.DraftExpiryDays"/>; the days between leave support time to answer an admin
    /// who asks about it.
    /// </summary>
    [Range(PortRequest.DraftExpiryDays + 1, 3650, ErrorMessage = "Retention:DraftPurgeAfterDays must be between 31 and 3650.")]
    public int DraftPurgeAfterDays { get; set; } = 60;

    /// <summary>
    /// Months after a request is completed or cancelled before its personal data (holder, address, carrier account
    /// number, signer, drawn signature, IP address and browser, free text) are erased; the reference, dates, numbers and
    /// statuses stay. 13 by default: a year of disputes and invoices, and the month to settle them.
    /// </summary>
    [Range(1, 120, ErrorMessage = "Retention:PersonalDataAfterMonths must be between 1 and 120.")]
    public int PersonalDataAfterMonths { get; set; } = 13;

    /// <summary>
    /// Years after a request is completed or cancelled before its signed mandates are deleted: the evidence of the
    /// customer's consent, kept as long as a claim on the port could be made (5 years, the limitation period of
    /// commercial obligations in France, by default).
    /// </summary>
    [Range(1, 30, ErrorMessage = "Retention:MandateAfterYears must be between 1 and 30.")]
    public int MandateAfterYears { get; set; } = 5;

    /// <summary>
    /// Days a sent (or given-up) e-mail keeps its recipient, subject, bodies and attachments in the outbox; then they are
    /// erased and the row stays (its kind, dates and the key the reminders use to never send twice).
    /// </summary>
    [Range(7, 3650, ErrorMessage = "Retention:SentEmailContentAfterDays must be between 7 and 3650.")]
    public int SentEmailContentAfterDays { get; set; } = 90;

    /// <summary>
    /// Days a webhook delivery stays in its endpoint's log (and its body, which carries numbers and support's messages,
    /// in the database); then it is deleted.
    /// </summary>
    [Range(1, 3650, ErrorMessage = "Retention:WebhookLogAfterDays must be between 1 and 3650.")]
    public int WebhookLogAfterDays { get; set; } = 30;

    /// <summary>
    /// Months after support closes an account before its personal data are erased: its company name and SIRET, its
    /// people (names, e-mail addresses, passwords, phone numbers and second factors), its requests' personal data
    /// whatever their own closing date, its drafts, archives and webhook addresses. Numbers, dates and references stay;
    /// signed mandates keep their own period (<see cref="MandateAfterYears"/>). 13 by default, like a request's.
    /// </summary>
    [Range(1, 120, ErrorMessage = "Retention:ClosedAccountAfterMonths must be between 1 and 120.")]
    public int ClosedAccountAfterMonths { get; set; } = 13;
}
