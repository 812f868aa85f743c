namespace OomaPorting.Web.Infrastructure;

/// <summary>Adds a line to the audit trail; it is saved with the caller's own changes, in the same transaction.</summary>
public static class Audit
{
    /// <summary>A line whose details are words of the portal, shown in each reader's language.</summary>
    public static void Record(AppDbContext db, Actor actor, DateTime nowUtc, string action, Guid? accountId, string? subjectUserId, AuditDetails details)
    {
        ArgumentNullException.ThrowIfNull(details);
        Record(db, actor, nowUtc, action, accountId, subjectUserId, details.Store(AuditEntry.MaxDetailsLength));
    }

    /// <summary>A line whose details are the same in every language (a name and an address, a reason as typed).</summary>
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
