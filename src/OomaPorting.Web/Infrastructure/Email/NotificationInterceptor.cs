using Microsoft.EntityFrameworkCore.Diagnostics;

namespace OomaPorting.Web.Infrastructure.Email;

/// <summary>
/// Plumbing only: collects what a <c>SaveChanges</c> records (new port-request events, new thread messages) and hands
/// it to each <see cref="IChangeNotifications"/> (the e-mails, the webhooks), whose outbox rows are written in the same <c>SaveChanges</c>: an announced
/// change and its e-mail are committed together or not at all. Which e-mail goes to whom is decided by the
/// notifications feature, not here.
/// </summary>
public sealed class NotificationInterceptor(IEnumerable<IChangeNotifications> notifications) : SaveChangesInterceptor
{
    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is AppDbContext db && !db.NotificationsSuppressed)
        {
            await WriteAsync(db, cancellationToken);
        }

        return result;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is AppDbContext db && !db.NotificationsSuppressed)
        {
            WriteAsync(db, CancellationToken.None).AsTask().GetAwaiter().GetResult();
        }

        return result;
    }

    private async ValueTask WriteAsync(AppDbContext db, CancellationToken ct)
    {
        db.ChangeTracker.DetectChanges();
        var events = db.ChangeTracker.Entries<PortRequestEvent>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();
        var messages = db.ChangeTracker.Entries<PortRequestMessage>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();
        if (events.Count > 0 || messages.Count > 0)
        {
            foreach (var n in notifications)
            {
                await n.WriteAsync(db, events, messages, ct);
            }
        }
    }
}

