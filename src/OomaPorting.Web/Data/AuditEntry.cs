namespace OomaPorting.Web.Data;

/// <summary>
/// One line of the audit trail: who did what, when, on which account and to whom. Written in the same transaction
/// as the change it records, never updated or deleted by the portal.
/// </summary>
public sealed class AuditEntry
{
    public const int MaxDetailsLength = 500;

    /// <summary>A number the database gives, growing with each line: the trail's order on every provider (SQL Server does not sort GUIDs by time).</summary>
    public long Id { get; set; }

    public DateTime AtUtc { get; set; }

    /// <summary>The user who acted; their name is kept as it was, so the line reads the same after they leave.</summary>
    public string ActorUserId { get; set; } = string.Empty;

    public string ActorName { get; set; } = string.Empty;

    /// <summary>A stable code (<see cref="AuditActions"/>); pages translate it.</summary>
    public string Action { get; set; } = string.Empty;

    public Guid? AccountId { get; set; }

    /// <summary>The person the action was about (an invited admin, a disabled agent), when there is one.</summary>
    public string? SubjectUserId { get; set; }

    /// <summary>What a reader needs to know without joining anything: company name, e-mail, the new state.</summary>
    public string Details { get; set; } = string.Empty;
}
