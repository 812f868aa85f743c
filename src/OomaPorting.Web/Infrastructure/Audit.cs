namespace OomaPorting.Web.Infrastructure;

/// <summary>Adds a line to the audit trail; it is saved with the caller's own changes, in the same transaction.</summary>
public static class Audit
{
    public static void Record(AppDbContext db, Actor actor, DateTime nowUtc, string action, Guid? accountId, string? subjectUserId, string details)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(actor);
        db.AuditEntries.Add(new AuditEntry
        {
            AtUtc = nowUtc,
            ActorUserId = actor.UserId,
            ActorName = actor.DisplayName.Length > 200 ? actor.DisplayName[..200] : actor.DisplayName,
            Action = action,
            AccountId = accountId,
            SubjectUserId = subjectUserId,
            Details = details.Length > AuditEntry.MaxDetailsLength ? details[..AuditEntry.MaxDetailsLength] : details,
        });
    }
}
