using Microsoft.EntityFrameworkCore.Diagnostics;

namespace OomaPorting.Web.Infrastructure.Email;

/// <summary>E-mails that are due by the clock rather than by a change (reminders): the dispatcher runs each at every tick.</summary>
public interface IScheduledEmails
{
    /// <summary>Writes the messages due now into the outbox; answers how many.</summary>
    Task<int> EnqueueDueAsync(CancellationToken ct);
}
